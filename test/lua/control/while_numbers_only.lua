-- While loops whose bodies only do arithmetic, comparisons and jumps on numbers (the bytecode
-- VM runs these over unboxed numbers from their first backward jump, numeric-kernel.ts): the
-- values they leave in locals, loops of zero, one and many turns, breaks, nested loops, locals
-- that start as strings or nil or are only written, and upvalues of the frame.
local function show(label, ...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    out[#out + 1] = type(v) == "number" and string.format("%.17g", v) or tostring(v)
  end
  print(label, table.concat(out, " "))
end

local function gcd(a, b)
  while b ~= 0 do
    a, b = b, a % b
  end
  return a
end
local g = 0
for i = 1, 200 do g = g + gcd(i * 7, 360) + gcd(360, i) end
show("gcd", g, gcd(0, 5), gcd(5, 0), gcd(-12, 18), gcd(2.5, 1))

-- Zero, one and many turns.
local n0, n1, n2 = 0, 0, 0
while n0 > 0 do n0 = n0 - 1 end
while n1 < 1 do n1 = n1 + 1 end
while n2 < 1e5 do n2 = n2 + 3 end
show("turns", n0, n1, n2)

-- Floats, NaN and -0 through a while loop.
local x, steps = 1.0, 0
while x > 1e-300 do
  x = x / 3.7
  steps = steps + 1
end
local zero = 0
local nz, nan = -zero, zero / zero
local w = 0
while w < 10 do
  nz = nz * 2
  nan = nan + 1
  w = w + 1
end
show("floats", x, steps, 1 / nz, nan ~= nan)

-- Break from the middle, and a loop nested in another.
local i, found = 0, -1
while true do
  i = i + 1
  if i * i * i > 5000 then found = i break end
end
local outer, total = 0, 0
while outer < 50 do
  outer = outer + 1
  local inner = outer
  while inner > 0 do
    total = total + inner % 7
    inner = inner - 2
  end
end
show("break and nested", found, i, outer, total)

-- A local that is a string when the loop starts: arithmetic converts it.
local s = "5"
local turns = 0
while turns < 10 do s = s * 2 turns = turns + 1 end
show("string local", s, type(s))
local limit = "20"
local c = 0
print("string limit", pcall(function()
  while c < limit do c = c + 1 end
end))

-- A local the loop only writes, and one it writes once.
local never, once, k = "kept", nil, 0
while k < 30 do
  k = k + 1
  if k > 100 then never = k end
  if k == 12 then once = k * 10 end
end
show("written", never, once, k)

-- An upvalue of the frame, changed by the loop.
local count = 0
local function get() return count end
while count < 777 do count = count + 7 end
show("upvalue", get())

-- A nil local read in the loop: the error names it.
print(pcall(function()
  local missing
  local t = 0
  while t < 10 do t = t + missing end
end))
