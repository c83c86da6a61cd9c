-- tostring uses __tostring; print calls tostring
local t = setmetatable({}, {__tostring = function(self) return "I am T" end})
print(t, tostring(t))
print(pcall(tostring, setmetatable({}, {__tostring = function() return 42 end})))
local n = setmetatable({}, {__tostring = function() return nil end})
print(pcall(print, n))
