-- Calls in return statements pass all results through
local function none() end
local function two() return "a", "b" end
local function wrap() return two() end
local function wrapParens() return (two()) end
print(wrap())
print(wrapParens())
print(select("#", none()), select("#", (none())))
print(none())
print((none()))
