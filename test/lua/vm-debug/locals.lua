-- debug.getlocal / debug.setlocal on VM frames (ldebug.c findlocal, luaF_getlocalname):
-- parameters, locals in scope at the current instruction, for-loop control variables,
-- "(*temporary)" slots, levels out of range.
local function dump(level)
  local out = {}
  for j = 1, 30 do
    local name, value = debug.getlocal(level + 1, j)
    if not name then break end
    local shown = type(value) == "number" and tostring(value) or type(value)
    out[#out + 1] = name .. "=" .. shown
  end
  print(table.concat(out, " "))
end

local function f(a, b, ...)
  local c = a + b
  dump(1)
  for i = 1, 2 do
    dump(1)
  end
  for k, v in ipairs({10}) do
    local q = k + v
    dump(1)
  end
  do
    local inner = "x"
    dump(1)
  end
  dump(1)
  print(debug.setlocal(1, 1, 100), a)
  print(debug.setlocal(1, 3, "changed"), c)
  print(debug.setlocal(1, 99, 0))
  return c
end
print(f(1, 2, 3, 4))

local function g(x)
  local y = x * 2
  local z = math.max(debug.getlocal(1, 2))
  return z
end
print(pcall(g, 4))

print((debug.getlocal(1, 1)))
print(pcall(debug.getlocal, 50, 1))
print(select("#", debug.getlocal(1, 0)))
local ok, err = pcall(debug.setlocal, 1, 1)
print(ok)
