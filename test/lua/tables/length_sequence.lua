-- # of proper sequences
local t = {}
print(#t)
for i = 1, 10 do t[i] = i * i end
print(#t)
t[11] = 121
print(#t)
t[11] = nil
print(#t)
for i = 10, 1, -1 do t[i] = nil end
print(#t)
local s = {"a", "b", "c", n = 3}
print(#s)
