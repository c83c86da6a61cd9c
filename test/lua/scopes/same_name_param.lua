-- Duplicate parameter names: the last one wins
local function f(a, a) return a end
print(f(1, 2))
local function g(...) local a, a = ... return a end
print(g(3, 4))
