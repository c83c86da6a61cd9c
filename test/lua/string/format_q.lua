-- %q produces a string literal that Lua can read back
print(string.format("%q", 'he said "hi"\n\tand\\left'))
print(string.format("%q", "\0\1\r"))
local s = "a\nb\"c\\"
print(loadstring("return " .. string.format("%q", s))() == s)
