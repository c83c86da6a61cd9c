-- A callable table stored as a method
local obj = {tool = setmetatable({}, {__call = function(self, owner, x) return x * 2, owner.name end}), name = "o"}
print(obj:tool(21))
