-- Sieve of Eratosthenes
local function sieve(n)
  local composite, primes = {}, {}
  for i = 2, n do
    if not composite[i] then
      primes[#primes + 1] = i
      for j = i * i, n, i do composite[j] = true end
    end
  end
  return primes
end
local p = sieve(1000)
print(#p, p[1], p[10], p[#p])
print(table.concat(sieve(50), " "))
