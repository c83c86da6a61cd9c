-- pairs returns next, t, nil; ipairs returns an iterator, t, 0
local t = {}
local f, s, c = pairs(t)
print(f == next, s == t, c)
local g, s2, c2 = ipairs(t)
print(type(g), s2 == t, c2)
print(g({5}, 0))
print(g({5}, 1))
print(pcall(pairs))
print(pcall(ipairs, nil))
print(pcall(next, 1))
