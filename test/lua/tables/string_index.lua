-- Strings have a metatable whose __index is the string table
local s = "hello"
print(s:upper(), s:len(), ("x"):rep(3), type(s.len), s.upper == string.upper)
print(("abc"):byte(1, -1))
print(#s:sub(2))
