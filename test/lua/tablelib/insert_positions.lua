-- Insert at the end position and beyond in 5.1
local t = {1, 2, 3}
table.insert(t, 4, 4)
print(table.concat(t, " "))
table.insert(t, 1, 0)
print(table.concat(t, " "))
local u = {}
table.insert(u, 1, "x")
print(u[1], #u)
