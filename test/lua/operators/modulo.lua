-- a % b == a - floor(a/b)*b: the sign follows the divisor
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(5.5 % 2, -5.5 % 2, 5 % 2.5)
local function isnan(x) return x ~= x end
print(isnan(3 % math.huge), isnan(1 % 0), isnan(0 % 0))
print(2^53 % 3)
