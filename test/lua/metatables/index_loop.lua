-- A __index chain that loops is detected (luaV_gettable MAXTAGLOOP)
local t = {}
setmetatable(t, {__index = t})
print(pcall(function() return t.x end))
