-- __concat receives numbers unconverted
local seen
local t = setmetatable({}, {__concat = function(a, b) seen = type(a) .. "," .. type(b); return "r" end})
print(1 .. t, seen)
print(t .. 2.5, seen)
