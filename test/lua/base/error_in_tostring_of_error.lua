-- error with a table value and a __tostring is still returned as the table
local e = setmetatable({}, {__tostring = function() return "E!" end})
local ok, got = pcall(error, e)
print(ok, got == e, tostring(got))
