-- rawequal and argument checks
print(rawequal(1, 1), rawequal("a", "a"), rawequal({}, {}), rawequal(nil, nil), rawequal(1, "1"))
print(pcall(rawequal, 1))
print(rawget({10}, 1), rawget({a = 1}, "a"))
print(pcall(rawget, 1, 1))
print(pcall(rawset, {}, 1))
local t = {}
print(rawset(t, "k", "v") == t, t.k)
