-- `a = a + 1` style updates and assignment to string-keyed fields
local t = {n = 0}
for i = 1, 5 do t.n = t.n + i end
print(t.n)
local s = ""
for i = 1, 3 do s = s .. i end
print(s)
