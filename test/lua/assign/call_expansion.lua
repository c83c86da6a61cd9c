-- A call as the last expression is expanded; elsewhere truncated to one value
local function three() return 1, 2, 3 end
local a, b, c, d = three()
print(a, b, c, d)
a, b, c, d = three(), 10
print(a, b, c, d)
a, b, c, d = 0, three()
print(a, b, c, d)
a, b = (three())
print(a, b)
