-- A __call that is itself a table with __call is not followed in 5.1
local inner = setmetatable({}, {__call = function() return "inner" end})
local outer = setmetatable({}, {__call = inner})
print(pcall(outer))
