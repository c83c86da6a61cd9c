-- Arithmetic metamethods: __add __sub __mul __div __mod __pow __unm
local mt = {}
local function V(x) return setmetatable({x = x}, mt) end
local function val(a) return type(a) == "table" and a.x or a end
mt.__add = function(a, b) return V(val(a) + val(b)) end
mt.__sub = function(a, b) return V(val(a) - val(b)) end
mt.__mul = function(a, b) return V(val(a) * val(b)) end
mt.__div = function(a, b) return V(val(a) / val(b)) end
mt.__mod = function(a, b) return V(val(a) % val(b)) end
mt.__pow = function(a, b) return V(val(a) ^ val(b)) end
mt.__unm = function(a) return V(-a.x) end
local a, b = V(7), V(2)
print((a + b).x, (a - b).x, (a * b).x, (a / b).x, (a % b).x, (a ^ b).x, (-a).x)
print((a + 1).x, (1 + a).x, (10 - a).x, ("3" * b).x)
