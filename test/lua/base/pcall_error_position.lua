-- Error positions refer to the line that raised them
local function thrower()
  error("from thrower")
end
local ok, e = pcall(thrower)
print(e)
ok, e = pcall(function()
  local a = {}
  return a.b.c
end)
print(e)
