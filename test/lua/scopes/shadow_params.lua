-- Parameters can be shadowed by locals of the same name
local function f(a, b)
  local a = a * 2
  do local b = b + 100; print(a, b) end
  return a, b
end
print(f(1, 2))
local function g(x, x2) local x = x2 return x end
print(g(1, 2))
