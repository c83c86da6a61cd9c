-- Metamethods are looked up raw in the metatable (an __index on the metatable is ignored)
local mt = setmetatable({}, {__index = {__add = function() return "inherited" end}})
local t = setmetatable({}, mt)
print(pcall(function() return t + 1 end))
