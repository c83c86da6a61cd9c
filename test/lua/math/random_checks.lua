-- math.random ranges (values are not printed, only checked)
math.randomseed(42)
local okRange = true
for i = 1, 1000 do
  local a = math.random()
  local b = math.random(10)
  local c = math.random(-5, 5)
  if a < 0 or a >= 1 or b < 1 or b > 10 or b % 1 ~= 0 or c < -5 or c > 5 then okRange = false end
end
print(okRange)
math.randomseed(7)
local x1, x2 = math.random(1000), math.random(1000)
math.randomseed(7)
print(x1 == math.random(1000), x2 == math.random(1000))
print(pcall(math.random, 0))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 1, 2, 3))
