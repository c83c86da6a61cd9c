-- Sorting values that cannot be compared
print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {3, 1, 2}, 42))
local ok, e = pcall(table.sort, {1, 2, 3, 4, 5}, function(a, b) return true end)
print(ok or e == "invalid order function for sorting")
