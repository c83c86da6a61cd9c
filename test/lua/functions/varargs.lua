-- Varargs (§2.5.9)
local function count(...) return select("#", ...) end
print(count(), count(nil), count(1, nil), count(nil, nil, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass())
print((pass(1, 2, 3)))
local function first(a, ...) return a, select("#", ...) end
print(first(1, 2, 3))
