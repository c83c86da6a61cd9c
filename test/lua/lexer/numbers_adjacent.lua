-- A numeral followed by an operator or concatenation
local a = 1
print(a+1, a-1, 2^2, 7%3)
print(1 .. 2, 1 .. "", 10 .. 20)
print(-2^2, 2^-1)
