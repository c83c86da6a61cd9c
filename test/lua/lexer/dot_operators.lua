-- '.', '..' and '...' are told apart
local function f(...) return select('#', ...), ... end
print(f(1, 2))
print("a".."b".."c")
local t = {x = {y = 3}}
print(t.x.y)
print(1 ..2)
