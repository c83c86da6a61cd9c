-- Unassigned globals are nil; locals shadow globals
print(undefinedGlobal)
y = 10
local function f() return y end
local y = 20
print(f(), y)
y = 30
print(f(), y)
