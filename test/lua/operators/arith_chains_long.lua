-- Longer arithmetic chains and table reads feeding arithmetic (`sum + x * v[j]`,
-- `p.x * dt + q.y`): on the VM an instruction's result can flow down a whole chain of
-- instructions in one dispatch, headed by an arithmetic instruction or a GETTABLE/GETFIELD
-- (vm/src/interpreter/fuse.ts). Every link can leave the number path: strings that convert or
-- not, metamethods, nil fields, __index, errors that must name the right operand and line.

local function show(...) print(...) end

local a, b, c, d = 3, 4.5, -2, 7
show(a * b / c + d, a + b * c - d / a, (a + 1) * (b - 1) / (c + 3) % 5)
show(((a * b + c) * d - a) / b + c * d, 1.0 / (a * (a + 1) / 2 + b + 1))
show(((a + b) % 4 + c) * d % 3, -(a * b + c) * d)

-- The spectral-norm shape: a chain ending in a division by its result.
local function entry(i, j)
  local ij = i + j
  return 1.0 / (ij * (ij + 1) / 2 + i + 1)
end
local s = 0
for i = 0, 9 do
  for j = 0, 9 do s = s + entry(i, j) * (i - j) end
end
show(s)

-- Table reads heading a chain: array part, hash part, constant keys, missing keys.
local v = { 1.5, 2, "3", 4 }
local sum = 0
for j = 1, #v do sum = sum + j * v[j] end
show(sum)
local p = { x = 2, y = 0.25, name = "p", n = "8" }
show(p.x * 3 + 1, p.y * p.x - 1, 10 / p.x + p.y, p.x % 3 + p.y * 2, p.n * 2 + 1)
local keys = { "x", "y" }
show(p[keys[1]] * 5 + p[keys[2]], p["x"] + p["y"] * 4)
show(pcall(function() return p.name * 2 + 1 end))
show(pcall(function() return p.missing * 2 + 1 end))
show(pcall(function() return v[9] + 1 end))
show(pcall(function() local t = { {} }; return t[1] * 2 end))

-- __index supplying the value, and metamethods on the value read.
local proxy = setmetatable({}, { __index = function(_, k) return k == "x" and 6 or nil end })
show(proxy.x * 2 + 1, pcall(function() return proxy.y * 2 end))
local mt = { __mul = function(x, y) return 100 end, __add = function(x, y) return "added" end }
local obj = setmetatable({}, mt)
local holder = { obj = obj, list = { obj } }
show(holder.obj * 2 + 1, holder.list[1] * 3, 2 * holder.obj, holder.obj + 1)

-- A chain broken in the middle by a non-number, and resumed afterwards.
local str = "5"
show(a * b + str * 2 - 1, (a * b + str) * 2, a * (b + str) / 2)
show(pcall(function() local w = "x"; return a * b + w * 2 - 1 end))
show(pcall(function() local u = {}; return (a + b) * c / u.z end))

-- Results stored into locals in the middle must still be stored (not temporaries).
local x1 = a * b
local x2 = x1 + c
local x3 = x2 * d / x1
show(x1, x2, x3)

-- A table read whose target is then overwritten in a chain (`t = t.x * 2`).
local t = { x = 21 }
t = t.x * 2 + 0.5
show(t)

-- nbody-style updates: fields read, combined, written back.
local body = { x = 1, vx = 0.5, mass = 2 }
for _ = 1, 3 do
  body.vx = body.vx - body.x * 0.1 * body.mass
  body.x = body.x + 0.01 * body.vx
end
show(string.format("%.12f %.12f", body.x, body.vx))

-- -0, nan and inf flowing through a chain.
local z = -0
show(z * a + 0, (z * a) / 1, 1 / (z * a - 0), (0 / 0) * a + 1 ~= (0 / 0) * a + 1, 1 / 0 * a - 1)
