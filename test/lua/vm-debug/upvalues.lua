-- debug.getupvalue / debug.setupvalue on VM closures (lapi.c aux_upvalue): names from the
-- prototype, shared upvalue cells, out-of-range indices, library functions.
local a, b = 1, 2
local function f() return a + b end
local function g() b = b + 10; return b end
print(debug.getupvalue(f, 1))
print(debug.getupvalue(f, 2))
print(debug.getupvalue(f, 3))
print(debug.getupvalue(f, 0))
print(debug.setupvalue(f, 2, 20), b, f())
print(g(), debug.getupvalue(f, 2))
print(debug.setupvalue(f, 3, 0))
print(select("#", debug.getupvalue(print, 1)))
print(select("#", debug.getupvalue(function() end, 1)))

local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1 = counter()
c1(); c1()
print(debug.getupvalue(c1, 1))
debug.setupvalue(c1, 1, 100)
print(c1())
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, f))
