-- Metamethods receive operands unchanged (a numeric string stays a string)
local seen
local m = setmetatable({}, {__div = function(a, b) seen = type(a) .. "/" .. type(b); return 0 end})
local _ = "10" / m
print(seen)
_ = m / 2
print(seen)
