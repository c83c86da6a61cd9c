-- Assignment to nested fields and computed keys
local t = {a = {b = {}}}
t.a.b.c = 1
t["a"]["b"]["d"] = 2
local k = "e"
t.a.b[k] = 3
print(t.a.b.c, t.a.b.d, t.a.b.e)
t.a = nil
print(t.a)
