print(math.max(3, "10", 2), math.min("1", 0.5))
print(math.max(-math.huge, math.huge), math.min(1, 1.0))
