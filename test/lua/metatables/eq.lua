-- __eq is called only for two tables (or two userdata) with the same metamethod (§2.8)
local mt = {__eq = function(a, b) return a.v == b.v end}
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 1}, mt)
local c = setmetatable({v = 2}, mt)
print(a == b, a ~= b, a == c, a ~= c)
print(a == 1, a == "x")
local other = setmetatable({v = 1}, {__eq = function() return true end})
print(a == other)
local plain = {v = 1}
print(a == plain)
print(rawequal(a, b))
