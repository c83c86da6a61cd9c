-- setfenv(0, t) changes the thread's global environment; returns nothing
local G = _G
local newenv = setmetatable({}, {__index = G})
print(select("#", setfenv(0, newenv)))
print(getfenv(0) == newenv, getfenv(1) == G)
setfenv(0, G)
