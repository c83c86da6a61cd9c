-- In Lua 5.1, __len is not consulted for tables (only for userdata)
local t = setmetatable({1, 2, 3}, {__len = function() return 99 end})
print(#t)
