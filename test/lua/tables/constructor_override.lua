-- Positional items are stored after bracketed ones at the same index
local t = {[1] = "bracket", "positional"}
print(t[1])
local u = {"positional", [1] = "bracket"}
print(u[1])
local v = {x = 1, x = 2}
print(v.x)
