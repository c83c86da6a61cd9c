-- Constructors with semicolons, trailing separators and expressions as keys
local i = 0
local function nxt() i = i + 1; return i end
local t = {[nxt()] = "a", [nxt()] = "b"; [nxt() * 10] = "c",}
print(t[1], t[2], t[30])
local u = {1, 2, 3,}
print(#u)
