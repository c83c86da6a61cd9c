-- Nested pcalls; errors inside error handlers of inner pcalls
local function inner() error("inner failure") end
local function middle()
  local ok, e = pcall(inner)
  error("middle saw: " .. e, 0)
end
print(pcall(middle))
print(pcall(function()
  local ok = pcall(error)
  return "recovered", ok
end))
