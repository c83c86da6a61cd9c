-- Without __le, a <= b is computed as not (b < a)
local log = {}
local mt = {__lt = function(a, b) log[#log + 1] = a.v .. "<" .. b.v; return a.v < b.v end}
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 2}, mt)
print(a <= b, b <= a, a >= b)
print(table.concat(log, " "))
