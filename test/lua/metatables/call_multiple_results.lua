-- __call can return many values and be used in every position
local c = setmetatable({}, {__call = function(_, ...) return select("#", ...), ... end})
print(c())
print(c(1, nil, 3))
local t = {c(4, 5)}
print(#t)
