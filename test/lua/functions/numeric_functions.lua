-- Small functions of arithmetic on their parameters (the bytecode VM runs calls to these without
-- a frame, vm/src/interpreter/numeric-kernel.ts): results, result counts, arguments that are
-- strings, nil, missing or extra, NaN and -0, and errors and stack overflow at such a call.
local function show(label, ...)
  local out = { select("#", ...) }
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    out[#out + 1] = type(v) == "number" and string.format("%.17g", v) or tostring(v)
  end
  print(label, table.concat(out, " "))
end

local function entry(i, j)
  local ij = i + j
  return 1.0 / (ij * (ij + 1) / 2 + i + 1)
end

local function clamp(x, lo, hi)
  if x < lo then return lo end
  if x > hi then return hi end
  return x
end

local function sign(x)
  if x > 0 then return 1 elseif x < 0 then return -1 end
  return 0
end

local function nothing(x)
  local y = x * 2
end

local function neg(x) return -x end
local function lerp(a, b, t) return a + (b - a) * t end
local function unused(a, b) return 42 end
local function second(a, b) return b % 3 end

-- Results, in every kind of call.
local sum = 0
for i = 0, 30 do
  for j = 0, 30 do sum = sum + entry(i, j) end
end
show("entry", sum)
show("clamp", clamp(5, 1, 3), clamp(-5, 1, 3), clamp(2.5, 1, 3))
show("sign", sign(3), sign(-0.5), sign(0))
show("nothing", nothing(1))
local a, b, c = lerp(0, 10, 0.25), lerp(0, 10, 0.25)
show("results", a, b, c)
show("in a list", lerp(1, 2, 0.5), lerp(1, 2, 1.5))
local t = { lerp(0, 1, 0.5), lerp(0, 1, 0.75) }
show("constructor", t[1], t[2], #t)
show("pcall", pcall(lerp, 1, 3, 0.5))

-- Arguments: strings are converted, extra ones ignored, unused ones may be anything.
show("strings", lerp("1", "3", "0.5"), entry("2", 3), neg("0x10"))
show("extra", lerp(1, 2, 0.5, "x", nil), neg(4, 5))
show("unused", unused(nil, {}), unused(), second({}, 7))

-- NaN, infinities and -0.
local zero = 0
local nan = zero / zero
show("nan", clamp(nan, 0, 1), sign(nan), neg(nan) ~= neg(nan))
show("-0", 1 / neg(zero), 1 / neg(-zero), 1 / lerp(-zero, 0, 0))
show("inf", entry(1 / zero, 1), neg(1 / zero))

-- A parameter that is nil or not a number: the error names it, as lua5.1 does (called from
-- Lua, not by pcall itself).
local function try(f, ...)
  print(pcall(function(...)
    local r = f(...)
    return r
  end, ...))
end
try(lerp, 1, nil, 0.5)
try(lerp, 1, 2)
try(clamp, {}, 1, 2)
try(clamp, "9", 1, 3)
try(neg, "abc")
try(entry, 1, true)

-- Called through a table and as a method value.
local m = { lerp = lerp, clamp = clamp }
show("fields", m.lerp(2, 4, 0.5), m["clamp"](7, 0, 5))

-- Many calls in a loop keep giving the same results.
local acc = 0
for i = 1, 5000 do acc = acc + clamp(i % 17 - 8, -3, 3) * sign(i % 5 - 2) + second(i, i) end
show("loop", acc)

-- At the depth limit the call to the numeric function is the one that overflows.
local function deep(n)
  local v = neg(n)
  return deep(n + 1) + v
end
local ok, err = pcall(deep, 1)
print("deep", ok, err)

-- Tail calls to them, from functions and from a coroutine.
local function smooth(a, b, t) return lerp(a, b, t * t * (3 - 2 * t)) end
local function hush(x) return nothing(x) end
local function pick(x) if x > 0 then return sign(x) end return clamp(x, -1, 0) end
show("tail", smooth(0, 10, 0.5), smooth(1, 2, 0.25), select("#", hush(3)), pick(5), pick(-7))
show("tail strings", smooth("0", "10", "0.5"))
print("tail error", pcall(function() return smooth(0, nil, 0.5) end))
local co = coroutine.wrap(function(a)
  local b = coroutine.yield(smooth(0, a, 0.5))
  return smooth(b, 0, 0.5)
end)
show("tail coroutine", co(8), co(4))

-- A tail call to one overflows at the same depth as a tail call to any other Lua function
-- (Lunette stops at a lower depth than lua5.1's 20000, docs/architecture.md): the deepest
-- recursion that still succeeds, found by bisection, is the same for both.
local function plainNeg(x)
  local t = x
  return -t, nil
end
local function prober(tail)
  local function probe(n)
    if n > 0 then
      local r = probe(n - 1)
      return r
    end
    return tail(1)
  end
  return probe
end
local function deepest(probe)
  local good, bad = 1, 40000
  while bad - good > 1 do
    local mid = math.floor((good + bad) / 2)
    if pcall(probe, mid) then good = mid else bad = mid end
  end
  return good, select(2, pcall(probe, bad))
end
local leafDepth, leafError = deepest(prober(neg))
local plainDepth = deepest(prober(plainNeg))
print("deepest", leafDepth == plainDepth, leafDepth > 15000, leafError)
