-- A local function value referring to itself through a local declared first
local fact
fact = function(n) return n <= 1 and 1 or n * fact(n - 1) end
print(fact(5), fact(1), fact(12))
