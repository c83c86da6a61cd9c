local s = ("x"):rep(3)
local t = setmetatable({}, { __index = string })
print(s:upper(), t.len(s), select('#', ...), select(2, ...))
local function v(...)
  local a, b = ...
  local t2 = { ... }
  local n = select("#", ...)
  print(...)
  return ...
end
local function w(...) return arg, #arg end
print((v(1, 2)))
print(v(1, 2), (...))
f(g(h()))
obj.m.n:o(1)(2):p "q" { r = 1 }
return v(unpack({ 1, 2 }))
