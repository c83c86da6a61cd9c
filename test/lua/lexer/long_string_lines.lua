-- Line numbers continue after a multi-line long string
local s = [[
a
b
c]]
print(#s)
print(pcall(error, "here", 1))
local ok, msg = pcall(function() error("boom") end)
print(msg)
