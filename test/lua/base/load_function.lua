-- load with a reader function
local parts = {"return ", "1 ", "+ 41"}
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(f())
print(type(load(function() return nil end)))
local given = false
local g, e = load(function() if not given then given = true; return "syntax error here" end end, "=reader")
print(g, e)
