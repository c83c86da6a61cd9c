-- string.len and string.sub with positive and negative indices
local s = "hello world"
print(#s, s:len(), string.len(""))
print(s:sub(1, 5), s:sub(7), s:sub(-5), s:sub(-5, -2), s:sub(0), s:sub(3, 2))
print(s:sub(100), s:sub(-100, 2), s:sub(2, 100), s:sub(5, 5))
print(("abc"):sub(2.7), ("abc"):sub("2"))
