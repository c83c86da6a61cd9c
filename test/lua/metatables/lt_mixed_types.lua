-- Comparison metamethods are not used between different types
local t = setmetatable({}, {__lt = function() return true end, __le = function() return true end})
print(pcall(function() return t < 1 end))
print(pcall(function() return 1 <= t end))
print(t < t, t <= t)
local u = setmetatable({}, {__lt = function() return true end})
print(pcall(function() return t < u end))
