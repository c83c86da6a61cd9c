-- Even with __tostring, lua5.1 reports a non-string error object as such
error(setmetatable({}, {__tostring = function() return "custom" end}))
