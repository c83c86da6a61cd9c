-- math.random draws glibc's rand() sequence, as lua5.1 on Linux does: unseeded, after
-- randomseed with positive, negative, zero and out-of-int seeds, and over a long run.
print(math.random(100), math.random(), math.random(5, 10))
for _, seed in ipairs({ 42, -7, 0, 1, 2 ^ 31 + 5, 123456789, -2 ^ 31 }) do
  math.randomseed(seed)
  print(seed, math.random(1000), math.random(1, 6), math.random())
end
math.randomseed(2026)
local sum, low, high = 0, math.huge, -math.huge
for _ = 1, 100000 do
  local r = math.random(-50, 50)
  sum = sum + r
  if r < low then low = r end
  if r > high then high = r end
end
print(sum, low, high)
-- a shuffle, the typical game use
math.randomseed(7)
local deck = {}
for i = 1, 20 do deck[i] = i end
for i = #deck, 2, -1 do
  local j = math.random(i)
  deck[i], deck[j] = deck[j], deck[i]
end
print(table.concat(deck, " "))
