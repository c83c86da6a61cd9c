-- table.remove on the last position and on empty tables
local t = {1, 2, 3}
print(table.remove(t, 3), #t)
print(table.remove(t, #t), #t)
local e = {}
print(table.remove(e), #e)
print(table.remove({n = 1}))
