-- expect: fuel
-- An endless loop inside a metamethod (direct form, called from a library slow path).
local t = setmetatable({}, {__add = function() while true do end end})
return t + 1
