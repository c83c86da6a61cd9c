-- New closures get the environment of the function that creates them
local function maker() return function() return tag end end
setfenv(maker, {tag = "custom env"})
local inner = maker()
print(inner())
tag = "global env"
print(inner(), (function() return tag end)())
