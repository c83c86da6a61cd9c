-- Values are all computed before assignment; nil values can be assigned
local log = {}
local function v(x) log[#log + 1] = x; return x end
local t = {}
t.a, t.b = v("first"), v("second")
print(t.a, t.b)
print(table.concat(log, ","))
t.a, t.b = nil, nil
print(t.a, t.b)
