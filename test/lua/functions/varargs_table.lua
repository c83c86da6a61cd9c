-- {...} and select('#') with trailing nils
local function f(...)
  local t = {...}
  return select("#", ...), t[1], t[2], t[3]
end
print(f(1, nil, 3))
print(f(nil, nil))
local function g(...) local a, b = ... return a, b end
print(g("x"))
