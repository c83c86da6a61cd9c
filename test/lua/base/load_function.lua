-- load with a reader function
local parts = {"return ", "1 ", "+ 41"}
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(f())
print(type(load(function() return nil end)))
local g, e = load(function() return "syntax error here" end, "=reader")
print(g, e)
