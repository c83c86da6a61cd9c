-- Arithmetic on a table whose metatable lacks the metamethod
local t = setmetatable({}, {__sub = function() return "sub" end})
print(t - 1, pcall(function() return t + 1 end))
