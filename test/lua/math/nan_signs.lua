-- NaN signs as lua5.1 on x86-64 glibc prints them (-nan is the default NaN of an invalid
-- operation): pow, fmod, log, modf and % on NaN, infinite and negative operands.
local n = 0/0
local p = -n
print(n^2, p^2, n^3, p^3, 2^n, 2^p, (-8)^(1/3), 1^n, n^0, n^1, p^1, (-2)^1.5, n^0.5, (-4)^0.5)
print(math.pow(-1, 0.5), math.pow(n, 1), math.pow(1, n), math.pow(-1, math.huge), math.pow(n, 0))
print(math.log(-1), math.log10(-2), math.log(n), math.log(p), math.log10(n), math.log(0), math.sqrt(-4))
print(math.fmod(1, 0), math.fmod(math.huge, 2), math.fmod(n, 2), math.fmod(p, 2), math.fmod(2, n), math.mod(1, 0))
print(math.modf(-1), math.modf(-0.5), math.modf(3.25), math.modf(-math.huge), math.modf(n))
print(1 % 0, -1 % 0, 2 % math.huge, n % 2, p % 2)
for _, x in ipairs({ -2, -0.5, 0.5, 2, 3 }) do io.write(tostring(x ^ 0.5), " ", tostring(x ^ 1.5), " ") end
print()
