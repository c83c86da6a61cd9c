local out = {}
for x = 1, -1, -0.5 do out[#out + 1] = x end
print(table.concat(out, " "))
out = {}
for x = -3, -1 do out[#out + 1] = x end
print(table.concat(out, " "))
