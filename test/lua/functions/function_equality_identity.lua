-- Each evaluation of a function expression with upvalues makes a new closure
local function make() local u = {} return function() return u end end
local a, b = make(), make()
print(a == b, a == a, a() == b())
