-- expect: error fuel
local e = setmetatable({}, {__tostring = function() while true do end end})
print(pcall(error, e))
error(e)
