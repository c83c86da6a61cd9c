-- unpack spreads a table into arguments
local function sum(...) local s = 0 for i = 1, select("#", ...) do s = s + (select(i, ...)) end return s end
print(sum(unpack({1, 2, 3, 4})))
print(unpack({1, 2, 3}, 2))
print(unpack({1, 2, 3}, 2, 3))
print(unpack({}, 1, 3))
print(select("#", unpack({}, 1, 0)))
