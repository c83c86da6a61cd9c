-- sieve: the sieve of Eratosthenes over a boolean array, repeated. Measures
-- integer-indexed array reads and writes in nested numeric loops.
local quick = arg and arg[1] == "quick"
local limit = 250000
local rounds = quick and 3 or 60

local function sieve(n)
  local composite = {}
  for i = 1, n do composite[i] = false end
  -- only primes up to sqrt(n) strike multiples (this also keeps i * i from
  -- overflowing fengari's 32-bit integers)
  local root = math.floor(math.sqrt(n))
  local count = 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      if i <= root then
        for j = i * i, n, i do composite[j] = true end
      end
    end
  end
  return count
end

local count, total = 0, 0
for _ = 1, rounds do
  count = sieve(limit)
  total = total + count
end
print(string.format("primes up to %d: %d (x%d = %d)", limit, count, rounds, total))
