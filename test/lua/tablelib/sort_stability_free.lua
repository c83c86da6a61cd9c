-- Sort by key with unique keys (sort is not stable, so ties are avoided)
local items = {}
for i = 1, 20 do items[i] = {key = (i * 7) % 20, id = i} end
table.sort(items, function(a, b) return a.key < b.key end)
local out = {}
for i, it in ipairs(items) do out[i] = it.key .. ":" .. it.id end
print(table.concat(out, " "))
