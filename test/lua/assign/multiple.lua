-- Multiple assignment adjusts values to names (§2.4.3)
local a, b, c
a, b, c = 1, 2
print(a, b, c)
a, b = 3, 4, 5
print(a, b)
x, y = "gx", "gy"
print(x, y)
