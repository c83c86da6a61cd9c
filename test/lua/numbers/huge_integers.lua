-- Integers beyond 2^53 lose precision
print(2^53 == 2^53 + 1, 2^53 + 2)
print(1e15 + 1, 1e16 + 1)
print(math.floor(2^60), math.fmod(2^60, 10))
