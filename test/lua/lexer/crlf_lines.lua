print("crlf 1")
local x = 2
print("crlf", x)
print(pcall(error, "msg"))
local ok, e = pcall(function() local t = nil; return t.x end)
print(e)
