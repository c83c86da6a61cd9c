-- Division by zero gives inf, -inf or nan
print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0)
print(1 / 0 > 2^1000)
print(math.huge == 1 / 0, -math.huge == -1 / 0)
