-- Numeric keys outside 1..n live in the hash part but behave the same
local t = {}
t[100] = "hundred"
t[-5] = "minus five"
t[0] = "zero"
t[1] = "one"
print(t[100], t[-5], t[0], t[1], #t)
local sum = 0
for k, v in pairs(t) do sum = sum + k end
print(sum)
