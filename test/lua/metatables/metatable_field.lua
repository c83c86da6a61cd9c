-- __metatable hides the metatable and protects it from setmetatable
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
local u = setmetatable({}, {__metatable = false})
print(getmetatable(u))
print(pcall(setmetatable, u, nil))
