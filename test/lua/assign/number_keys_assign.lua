-- Assigning float keys that are integers uses the same slot
local t = {}
t[1] = "one"
t[1.0] = "one again"
t[2^1] = "two"
print(t[1], t[2], #t)
