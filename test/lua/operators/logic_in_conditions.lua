-- Truthiness in conditions
local values = {0, "", false, "false", {}, 0/0}
local out = {}
for i = 1, 6 do out[#out + 1] = values[i] and "T" or "F" end
print(table.concat(out))
print(nil == false, not nil == not false)
