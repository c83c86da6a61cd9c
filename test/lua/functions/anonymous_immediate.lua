-- Calling a function expression immediately
print((function(x) return x * 2 end)(21))
local v = (function(...) return select("#", ...) end)(1, 2, 3)
print(v)
