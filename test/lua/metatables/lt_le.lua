-- __lt and __le; a > b is b < a; a >= b is b <= a
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function V(v) return setmetatable({v = v}, mt) end
local one, two = V(1), V(2)
print(one < two, one > two, one <= two, one >= two, two <= two)
