-- x^y, math.pow, math.exp and math.log give glibc's (correctly rounded) last bit.
local function h(x) return string.format("%.17g", x) end
print(10 ^ -5 == 0.00001, 10 ^ -3 == 0.001, 10 ^ 22 == 1e22, 2 ^ 0.5 == math.sqrt(2))
print(h(10 ^ -5), h(10 ^ -7), h(math.pow(10, 15.5)), h(3 ^ 1.5), h(2.5 ^ -7))
print(h((-3) ^ 21), h((-1.1) ^ 100), h(262143 ^ 3), h(2 ^ -1074), h(2 ^ 1023.5))
print(h(math.exp(1)), h(math.exp(-1)), h(math.exp(100)), h(math.exp(-700)), h(math.exp(709.7)))
print(h(math.log(2)), h(math.log(10)), h(math.log(1 + 2 ^ -30)), h(math.log(0.999)), h(math.log(1e300)))
print(math.exp(710), math.exp(-746), math.log(0), 0 ^ -1, (-8) ^ (1 / 3) ~= (-8) ^ (1 / 3))
