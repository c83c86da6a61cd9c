-- repeat-until runs at least once
local i = 10
repeat i = i + 1 until true
print(i)
local n = 0
repeat n = n + 1 until n >= 5
print(n)
