-- Strings may contain any byte, including NUL
local s = "a\0b\0c"
print(#s)
print(s:byte(1, -1))
print(s == "a\0b\0c", s < "a\0c")
print(("x"):rep(3, ""))
print(#string.format("%s", s))
