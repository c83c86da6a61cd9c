-- rawset ignores __newindex and works on protected tables
local t = setmetatable({}, {__newindex = function() error("blocked") end, __metatable = "no"})
rawset(t, "a", 1)
print(t.a, getmetatable(t))
print(pcall(function() t.b = 2 end))
