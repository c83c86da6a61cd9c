-- Concatenation errors name the operand
local t = {}
print(pcall(function() return "a" .. t end))
print(pcall(function() return t.x .. "a" end))
print(pcall(function() return "a" .. undefinedVar end))
print(pcall(function() local b = true return b .. "x" end))
print(pcall(function() return "a" .. "b" .. t .. "c" end))
