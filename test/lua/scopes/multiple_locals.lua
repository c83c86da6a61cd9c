-- Multiple locals: extra names get nil, extra values are evaluated and dropped
local a, b, c = 1, 2
print(a, b, c)
local d, e = 1, 2, print("third value evaluated")
print(d, e)
local f, g
print(f, g)
