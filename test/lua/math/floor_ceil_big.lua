print(math.floor(1e100) == 1e100, math.ceil(-0.1), math.floor(2^53 + 0.5))
print(math.floor(-1e-300), math.ceil(1e-300))
print(math.floor(math.huge), math.ceil(-math.huge))
