-- pairs in 5.1 ignores __pairs and __index
local t = setmetatable({a = 1}, {__index = {b = 2}, __pairs = function() error("not used") end})
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
print(#keys, keys[1], t.b)
