-- Numeric for: start, limit, optional step (§2.4.5)
local out = {}
for i = 1, 5 do out[#out + 1] = i end
print(table.concat(out, " "))
out = {}
for i = 10, 1, -3 do out[#out + 1] = i end
print(table.concat(out, " "))
out = {}
for i = 1, 0 do out[#out + 1] = i end
print(#out)
for i = 5, 5 do print("once", i) end
