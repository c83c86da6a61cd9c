-- Argument checks of every math function (lmathlib.c luaL_checknumber), as lua5.1 reports them.
local names = {"abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp",
  "floor", "fmod", "frexp", "ldexp", "log", "log10", "max", "min", "mod", "modf", "pow", "rad",
  "sin", "sinh", "sqrt", "tan", "tanh"}
for _, name in ipairs(names) do
  local f = math[name]
  local ok1, e1 = pcall(function() return f() end)
  local ok2, e2 = pcall(function() return f("x", 1) end)
  local ok3, e3 = pcall(function() return f(1, {}) end)
  print(name, ok1, e1, ok2, e2, ok3, e3)
end
print(pcall(function() return math.random(1, 2, 3) end))
print(pcall(function() return math.random(0) end))
print(pcall(function() return math.random(3, 1) end))
print(pcall(function() return math.random("x") end))
print(pcall(function() return math.randomseed() end))
print(pcall(function() return math.randomseed("x") end))
print(math.max(3), math.min(-1), math.fmod(7, 3), math.modf(-3.5), math.frexp(0), math.ldexp(1, -1))
print(math.deg(math.pi), math.rad(180) == math.pi, math.pow(2, 0.5) == math.sqrt(2), math.log10(1000))
print(math.cosh(0), math.sinh(0), math.tanh(0), math.atan2(1, 1) == math.pi / 4, math.exp(0))
