-- When both operands are bad the second is reported if it cannot be converted
local a, b = {}, "x"
print(pcall(function() return a + b end))
print(pcall(function() return b + a end))
print(pcall(function() return 1 + b end))
print(pcall(function() local c = 1 return c + nil end))
