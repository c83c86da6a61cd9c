-- pairs visits all keys; print them sorted
local t = {x = 1, y = 2, z = 3, 10, 20}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. ":" .. v end
table.sort(keys)
print(table.concat(keys, ", "))
