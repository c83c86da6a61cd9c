-- Float keys with integral values are the same key as the integer
local t = {}
t[1.0] = "a"
t[2] = "b"
print(t[1], t[2.0], #t)
t[3.0] = "c"
print(#t, t[3])
print(t[2^0], t[4/2])
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
