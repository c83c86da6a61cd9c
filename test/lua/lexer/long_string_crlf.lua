local s = [[a
b]]
print(#s, s:byte(2))
local t = "x\
y"
print(#t, t:byte(2))
