-- __newindex as a table: new keys are stored there instead
local store = {}
local t = setmetatable({}, {__newindex = store})
t.a = 1
print(rawget(t, "a"), store.a)
rawset(t, "b", 2)
t.b = 3
print(t.b, store.b)
