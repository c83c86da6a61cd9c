-- ... in the middle of an argument list gives one value
local function f(...) return ..., "last" end
print(f(1, 2, 3))
local function g(...) return {..., ...} end
local t = g(1, 2)
print(#t, t[1], t[2], t[3])
