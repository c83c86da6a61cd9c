-- __index is also used when the field exists with value nil
local t = setmetatable({a = nil}, {__index = function(_, k) return "default " .. k end})
print(t.a)
t.a = 1
print(t.a)
t.a = nil
print(t.a)
