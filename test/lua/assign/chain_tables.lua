-- The same table through two names
local a = {}
local b = a
b.x = 1
print(a.x, a == b)
a, b = b, {}
print(a.x, b.x)
