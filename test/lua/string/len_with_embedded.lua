-- Embedded zeros are counted and compared
local a, b = "a\0b", "a\0c"
print(#a, a < b, a == "a\0b", a:byte(2))
print(("\0"):rep(3) == "\0\0\0", #string.format("%q", "\0"))
