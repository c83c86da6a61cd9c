local a = {}
local i = 1
i, a[i] = i + 1, 20
a[1], a = 1, 2
local t, u = {}, {}
t.x, u.y, t = 1, 2
x, y, z = 1
p, q = 1, 2, 3
local m, n = f()
local o, r, s = 1, f()
local v, w
v, w = ...
g.h.i, j = k, l
a, b = b, a
local c = c
c = c + 1
local l1, l2 = nil, nil
local l3; local l4 = nil
print(a, b, c, i)
