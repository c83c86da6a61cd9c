-- Sort numbers by a derived key; sort with ">" on strings
local t = {"b", "a", "d", "c"}
table.sort(t, function(x, y) return x > y end)
print(table.concat(t))
local nums = {10, 9, 100, 1}
table.sort(nums, function(x, y) return tostring(x) < tostring(y) end)
print(table.concat(nums, " "))
