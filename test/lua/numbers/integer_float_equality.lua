-- All numbers are doubles: 1 and 1.0 are the same value and the same key
print(1 == 1.0, 2^53 == 2^53 + 1, 0.5 + 0.5 == 1)
local t = {}
t[1] = "a"; t[1.0] = "b"; t[3 / 3] = "c"
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t[1])
