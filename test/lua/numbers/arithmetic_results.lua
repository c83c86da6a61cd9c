-- Common arithmetic results
print(7 / 7, 10 / 3 * 3, 1e15 / 10, 2^53 - 1)
print(0.1 * 3, 1.1 * 1.1, 100 * 1.1)
print(9007199254740993, -9007199254740993)
