local t = {}
print(pcall(function() return t:nomethod() end))
local s = "str"
print(pcall(function() return s:nomethod() end))
print(pcall(function() return (nil):x() end))
