-- Chains of arithmetic where one result feeds the next instruction (`x + a * b`, `(a + b) / c`):
-- on the VM these run as fused pairs (vm/src/interpreter/fuse.ts). Every way the second
-- operation can leave the number path: metamethods, string coercion, errors naming operands,
-- nan and -0, integer remainders feeding floats.

local function show(...) print(...) end

local a, b, c = 3, 4.5, -2
show(a * b + c, c + a * b, a * b - c, c - a * b, a * b * c, a * b / c, c / (a * b))
show((a + b) * c, (a - b) / c, (a / b) - c, a % 7 + b, b + a % 7, (a + 1) % 2)
show(a * 0 + -0, -0 * a + 0, 0 / 0 + 1, (1 / 0) * 0 - 1, -(a * b) + 0)

-- Results kept in locals between statements (not temporaries: they must be stored).
local p = a * b
local q = p + 1
show(p, q, p * q + p)

-- The second operand is a string that converts, or one that does not.
local s = "10"
show(a * b + s, s + a * b, a * b - " 2 ", ("0x10") + a * 2)
show(pcall(function() local w = "x"; return a * b + w end))
show(pcall(function() local t = {}; return t * a + b end))
show(pcall(function() local u; return a * b + u end))
show(pcall(function() return a * b + nil end))

-- Metamethods on either side of the second operation.
local mt = {
  __add = function(x, y) return "add(" .. tostring(type(x)) .. "," .. tostring(type(y)) .. ")" end,
  __mul = function(x, y) return 7 end,
  __div = function(x, y) return "div" end,
}
local obj = setmetatable({}, mt)
show(a * b + obj, obj + a * b, obj * a + b, a + obj * b, (a + b) / obj)

-- Inside loops and functions, as numeric code is usually written.
local function dot(xs, ys)
  local sum = 0
  for i = 1, #xs do sum = sum + xs[i] * ys[i] end
  return sum
end
show(dot({1, 2, 3}, {4, 5, 6}), dot({0.5, 0.25}, {2, 4}))
local acc, k = 0, 0
for i = 1, 100 do
  acc = (acc + i * 3) % 65521
  k = k + i / (i % 7 + 1)
end
show(acc, k)

-- A remainder by a constant taking the previous result (`(x * 3) % m`), on integers, negative
-- numbers, floats, and operands that are not numbers.
local m1, m2 = 0, 0.5
for i = -20, 20 do
  m1 = (m1 * 3 + i) % 1000003
  m2 = (m2 * 1.5 - i) % 7
end
show(m1, m2, (-7 * 3) % 5, (2.5 * 3) % 4, (-0.5 * 2) % 3, (a * b) % 1, (0 * -1) % 3)
show(pcall(function() local w = {}; return (w * 2) % 3 end))
show(pcall(function() local w = "6"; return (w * 2) % 5 end))
show((obj * 2) % 3, pcall(function() return (a + obj) % 3 end))

-- A constant on the left of the second operation (`1.0 / (x + 1)`, `10 - a * b`, `"2" * (a + b)`).
local e = 0
for i = 1, 30 do
  local ij = i + 2
  e = e + 1.0 / (ij * (ij + 1) / 2 + i + 1)
end
show(e, 10 - a * b, 1 / (a - 3), -1 / (a - 3), 2 ^ (a + 1), "2" * (a + b), 7 % (a + 1))
show(pcall(function() local w = {}; return 1 / (w + 1) end))
show(pcall(function() return "x" * (a + b) end))
