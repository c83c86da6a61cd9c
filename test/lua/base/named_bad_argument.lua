-- Library argument errors name the function when called by name
print(pcall(function() return setmetatable(1, {}) end))
print(pcall(function() return tonumber() end))
print(pcall(function() return ("x"):rep() end))
print(pcall(function() return string.rep() end))
print(pcall(function() return math.floor("a") end))
print(pcall(function() local t = {} return t.x.y end))
print(pcall(function() return ipairs() end))
