-- Inputs for libm.test.ts (its golden file was printed by lua5.1): %.17g of pow, exp and log
-- over deterministic pseudo-random arguments, with the hard ranges (near 1 for log, near
-- overflow and underflow for exp and pow, subnormals, negative bases with integer exponents).
local seed = 4242
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648 return seed / 2147483648 end
local function p(x) io.write(string.format("%.17g", x), "\n") end
for i = 1, 3000 do p((rnd() * 100) ^ ((rnd() - 0.5) * 20)) end
for i = 1, 500 do p((-(rnd() * 10)) ^ math.floor((rnd() - 0.5) * 60)) end
for i = 1, 500 do local x = 1 + (rnd() - 0.5) * 2 ^ -20 p(math.pow(x, (rnd() - 0.5) * 2 ^ 28)) end
for i = 1, 300 do p(2 ^ ((rnd() - 0.5) * 2150)) end
for k = -300, 300 do p(10 ^ k) end
for i = 1, 2000 do p(math.exp((rnd() - 0.5) * 1500)) end
for i = 1, 1000 do p(math.exp((rnd() - 0.5) * 2 ^ -20)) end
for i = 1, 2000 do p(math.log(rnd() * 10 ^ ((rnd() - 0.5) * 600))) end
for i = 1, 1000 do p(math.log(1 + (rnd() - 0.5) * 2 ^ (-rnd() * 50))) end
for i = 1, 100 do p(math.log(rnd() * 2 ^ -1030)) end
