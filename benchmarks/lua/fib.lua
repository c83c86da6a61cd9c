-- fib: naive doubly recursive Fibonacci, fib(32), computed several times.
-- Almost all of the time is spent in calls and returns of a local recursive
-- function (one argument, one result), plus integer compare/add.
local quick = arg and arg[1] == "quick"
local n = quick and 27 or 34
local rounds = quick and 1 or 2

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

local total = 0
for _ = 1, rounds do total = total + fib(n) end
print(string.format("fib(%d) = %d (x%d = %d)", n, fib(n), rounds, total))
