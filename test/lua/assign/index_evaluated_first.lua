-- In `i, t[i] = i+1, 20` the table index is evaluated before assignment (manual §2.4.3 example)
local i = 3
local t = {}
i, t[i] = i + 1, 20
print(i, t[3], t[4])
