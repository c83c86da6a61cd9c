-- Float steps accumulate like the C loop (i += step)
local out = {}
for x = 0, 1, 0.25 do out[#out + 1] = x end
print(table.concat(out, " "))
out = {}
for x = 0, 1, 0.1 do out[#out + 1] = x end
print(#out, out[#out])
out = {}
for x = 1, 0, -0.5 do out[#out + 1] = x end
print(table.concat(out, " "))
out = {}
for x = 0.5, 3 do out[#out + 1] = x end
print(table.concat(out, " "))
