-- __newindex tables chain with their own metatables
local final = {}
local middle = setmetatable({}, {__newindex = final})
local t = setmetatable({}, {__newindex = middle})
t.x = "value"
print(rawget(t, "x"), rawget(middle, "x"), final.x)
