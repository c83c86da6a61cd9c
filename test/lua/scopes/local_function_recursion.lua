-- `local function f` makes f visible inside its own body; `local f = function` does not
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10))
local g = function(n) return n end
local g = function(n) if n == 0 then return "outer g" end return g(0) end
print(g(5))
