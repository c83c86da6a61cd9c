-- Functions as values: map, filter, compose
local function map(t, f) local r = {} for i, v in ipairs(t) do r[i] = f(v) end return r end
local function filter(t, p) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function compose(f, g) return function(...) return f(g(...)) end end
local sq = map({1, 2, 3, 4}, function(x) return x * x end)
print(table.concat(sq, " "))
print(table.concat(filter(sq, function(x) return x % 2 == 0 end), " "))
print(compose(tostring, function(a, b) return a + b end)(2, 3))
