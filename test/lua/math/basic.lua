-- math functions on simple values
print(math.abs(-3), math.abs(3.5), math.floor(3.7), math.floor(-3.7), math.ceil(3.2), math.ceil(-3.2))
print(math.max(1, 5, 3), math.min(4, -2, 8), math.max(1.5), math.min(-0.5, 0.5))
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(0), math.log(1))
print(math.log10(1000), math.fmod(7, 3), math.fmod(-7, 3), math.modf(3.7))
print(math.modf(-3.7))
print(math.huge, -math.huge, math.pi)
