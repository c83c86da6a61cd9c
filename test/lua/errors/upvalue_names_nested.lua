-- Names of upvalues captured through two levels
local outer = nil
local function f()
  return function() return outer.x end
end
print(pcall(f()))
