-- Numeric strings use arithmetic, not metamethods; other strings fall to metamethods
local m = setmetatable({}, {__add = function(a, b) return "meta" end})
print("10" + 1, pcall(function() return "x" + m end))
print(pcall(function() return "x" + 1 end))
