-- Changing the metatable changes tostring
local t = {}
local mt1 = {__tostring = function() return "one" end}
local mt2 = {__tostring = function() return "two" end}
setmetatable(t, mt1); print(tostring(t))
setmetatable(t, mt2); print(tostring(t))
mt2.__tostring = function() return "two changed" end
print(tostring(t))
