-- Different metatables sharing the same __eq function do compare
local function eq(a, b) return true end
local a = setmetatable({}, {__eq = eq})
local b = setmetatable({}, {__eq = eq})
print(a == b)
local c = setmetatable({}, {__eq = function() return true end})
print(a == c)
local r = setmetatable({}, {__eq = function() return "truthy" end})
local s = setmetatable({}, getmetatable(r))
print(r == s)
