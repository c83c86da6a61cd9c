-- Unary minus on numbers and numeric strings
print(-1, -(-1), -"3", -"0x10", -" 2 ")
print(pcall(function() return -"abc" end))
print(pcall(function() return -{} end))
local zero = 0 -- runtime negation of zero gives -0
print(-zero, 1 / -zero)
