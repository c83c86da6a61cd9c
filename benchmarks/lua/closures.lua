-- closures: creation of closures that capture upvalues, and calls through
-- them. make_counter's closure mutates a shared upvalue; make_adder's closure
-- only reads one; compose builds closures over closures.
local n = (arg and arg[1] == "quick") and 100000 or 4000000

local function make_counter(start)
  local count = start
  return function(by)
    count = count + by
    return count
  end
end

local function make_adder(k)
  return function(x) return x + k end
end

local function compose(f, g)
  return function(x) return f(g(x)) end
end

local total = 0
local counter = make_counter(0)
for i = 1, n do
  local add_i = make_adder(i % 10)
  local add_twice = compose(add_i, make_adder(1))
  total = (total + add_twice(i) + counter(i % 4)) % 1000003
end

-- many counters alive at once, each with its own upvalue
local counters = {}
for i = 1, 100 do counters[i] = make_counter(i) end
local sum = 0
for round = 1, math.floor(n / 100) do
  for i = 1, 100 do sum = (sum + counters[i](round % 3)) % 1000003 end
end
print(string.format("total = %d  counter = %d  sum = %d", total, counter(0), sum))
