-- load checks its chunk name before its reader (luaB_load), so a bad name is reported first
print(pcall(load, "%q", false))
print(pcall(load, 3, {}))
print(pcall(load, 3))
print(pcall(load))
local parts = { "return ", "1 + ", "2" }
local i = 0
print(load(function() i = i + 1 return parts[i] end, "=parts")())
