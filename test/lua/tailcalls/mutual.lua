-- Mutual tail recursion in constant stack (§2.5.8), and a tail-call state machine.
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(1000001), is_odd(1000001))

local states = {}
function states.a(n, acc) if n == 0 then return acc end return states.b(n - 1, acc + 1) end
function states.b(n, acc) return states.c(n, acc * 2 % 1000) end
function states.c(n, acc) return states.a(n, acc) end
print(states.a(300000, 0))

-- tail calls returning several values, and to library functions
local function many(n) if n == 0 then return 1, 2, 3 end return many(n - 1) end
print(many(500000))
local function lib(n) if n == 0 then return select(2, "a", "b", "c") end return lib(n - 1) end
print(lib(500000))
-- a tail call through pcall keeps the results
local function viaPcall(n) if n == 0 then return pcall(error, "stop") end return viaPcall(n - 1) end
print(viaPcall(200000))
