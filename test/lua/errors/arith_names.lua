-- Arithmetic error messages name the operand
local t = {}
local s = "abc"
print(pcall(function() return t + 1 end))
print(pcall(function() return 1 + t.field end))
print(pcall(function() return undefinedGlobal * 2 end))
print(pcall(function() return s - 1 end))
print(pcall(function() local x = {} return -x end))
print(pcall(function() return 2 ^ {} end))
print(pcall(function() return t.a % 2 end))
