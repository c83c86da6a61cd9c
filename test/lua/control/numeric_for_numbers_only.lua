-- Numeric for loops whose bodies only do arithmetic, comparisons and jumps on numbers (the
-- bytecode VM runs these over unboxed numbers, vm/src/interpreter/numeric-kernel.ts): the
-- values they leave in locals, with breaks, nested and inner while/repeat loops, NaN, -0,
-- infinities, float steps, locals that start as strings or nil, and upvalues of the frame.
local function show(label, ...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    out[#out + 1] = type(v) == "number" and string.format("%.17g", v) or tostring(v)
  end
  print(label, table.concat(out, " "))
end

-- Integer and float arithmetic mixed, every operator.
local isum, fsum, x, p = 0, 0.0, 0.0, 1
for i = 1, 2000 do
  isum = (isum + i * 3) % 65521
  x = x + 0.25
  if x > 100 then x = x - 100 end
  fsum = fsum + x / (i % 7 + 1)
  if fsum > 1000 then fsum = fsum - 1000 end
  p = (p * 1.001) ^ 1.0001 - i % 3 / 1000
  if p > 2 then p = p - 1 end
end
show("mixed", isum, fsum, x, p)

-- Unary minus, modulo with negative operands, division by zero, mod by zero.
local a, b, c, d = 0, 0, 0, 0
for i = -20, 33 do
  a = a + (-i) % 7
  b = b + i % -3
  c = 1 / (i - i)
  d = i % 0
end
show("signs", a, b, c, d, d ~= d)

-- A break leaves the loop with the locals as they were at that point.
local found, steps = -1, 0
for i = 1, 1000 do
  steps = steps + 1
  if i * i > 500 then found = i break end
end
show("break", found, steps)

-- Nested loops, an inner loop with a negative step and one with a float step.
local total, inner = 0, 0
for i = 1, 30 do
  for j = i, 1, -1 do
    total = total + i * j
  end
  for t = 0, 1, 0.1 do
    inner = inner + t
  end
end
show("nested", total, inner)

-- An inner while and repeat (backward jumps inside the loop).
local collatz, longest = 0, 0
for n = 1, 300 do
  local m, len = n, 0
  while m ~= 1 do
    if m % 2 == 0 then m = m / 2 else m = 3 * m + 1 end
    len = len + 1
  end
  if len > longest then longest = len collatz = n end
  local r = 0
  repeat r = r + 1 until r * r >= n
end
show("while/repeat", collatz, longest)

-- NaN, infinities and -0 flowing through, and comparisons with NaN.
local zero = 0
local nan, inf, nz = zero / zero, 1 / zero, -zero
local lt, le, eq, ne = 0, 0, 0, 0
local acc = nz
for i = 1, 50 do
  local v = i % 5 == 0 and 1 or 2
  if nan < v then lt = lt + 1 end
  if nan <= v then le = le + 1 end
  if nan == nan then eq = eq + 1 end
  if nan ~= nan then ne = ne + 1 end
  acc = acc * 1
  inf = inf - i
end
show("nan", lt, le, eq, ne, 1 / acc, inf)
local n2 = nan
for i = 1, 20 do n2 = n2 + i end
show("nan local", n2 ~= n2)

-- Large values: past 2^31 and 2^53.
local big, huge = 2 ^ 31 - 10, 2 ^ 53 - 5
for i = 1, 20 do
  big = big + 1
  huge = huge + 1
end
show("big", big, huge, huge - 2 ^ 53)

-- The loop variable and the control values: a copy changed in the body changes nothing.
local last, count = 0, 0
for i = 1, 40, 3 do
  i = i * 2
  last = i
  count = count + 1
end
show("control", last, count)
for i = 10, 1 do count = count + 1000 end
for i = 1.5, 20.5, 2.5 do last = i end
show("empty and float", count, last)

-- A local that holds a string when the loop starts: arithmetic converts it (lvm.c tonumber).
local s = "10"
for i = 1, 10 do s = s + i end
show("string local", s, type(s))
local h = "0x10"
for i = 1, 12 do h = h * 2 end
show("hex string", h)

-- A local the loop only writes keeps its value when the loop never writes it.
local kept, nowritten = "text", nil
for i = 1, 50 do
  if i > 100 then kept = i nowritten = i end
end
show("kept", kept, nowritten)
local changed = "text"
for i = 1, 50 do
  if i == 25 then changed = i * 2 end
end
show("changed", changed, type(changed))

-- A local of the frame that is an upvalue of a closure made before the loop.
local counter = 0
local function get() return counter end
for i = 1, 100 do counter = counter + i end
show("upvalue", get(), counter)

-- A nil local read in the loop: the error names it, with the loop's line.
local ok, err = pcall(function()
  local missing
  local t = 0
  for i = 1, 20 do t = t + i * missing end
  return t
end)
print("nil local", ok, err)

-- A function running the same loop many times, short and long.
local function sum(n, step)
  local r = 0
  for i = 1, n, step do r = r + i * i end
  return r
end
local all = 0
for n = 0, 40 do all = all + sum(n, 1) + sum(n * 3, 2) end
show("calls", all)

-- Loops in a coroutine, across a yield between two of them.
local co = coroutine.wrap(function(n)
  local t = 0
  for i = 1, n do t = t + i / 2 end
  n = coroutine.yield(t)
  for i = 1, n do t = t - i % 4 end
  return t
end)
show("coroutine", co(100), co(50))
