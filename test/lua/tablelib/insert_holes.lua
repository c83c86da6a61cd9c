-- table.insert appends at #t + 1
local t = {1, 2, 3}
t[#t] = nil
table.insert(t, "x")
print(#t, t[3])
table.insert(t, #t + 1, "y")
print(#t, t[4])
