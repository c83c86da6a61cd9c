-- Sorting strings uses byte order
local t = {"banana", "Apple", "cherry", "apple", "Banana", "10", "9", ""}
table.sort(t)
print(table.concat(t, ","))
