-- table.sort with the default < order
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
print(table.concat(t, " "))
local f = {3.5, -1, 2.25, 100, -50}
table.sort(f)
print(table.concat(f, " "))
local one = {1}
table.sort(one)
local empty = {}
table.sort(empty)
print(#one, #empty)
