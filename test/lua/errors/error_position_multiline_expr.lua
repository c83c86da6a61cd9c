-- The line of an error in a multi-line expression
local t = {}
local ok, e = pcall(function()
  return 1 +
    2 +
    t.x
end)
print(e)
