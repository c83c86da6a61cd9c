print(math.abs(-math.huge), math.sqrt(0), math.sqrt(1e-300) > 0)
print(math.log(math.exp(2)), math.log(0), math.log10(0.001), math.exp(1))
print(math.sqrt(-1) ~= math.sqrt(-1), math.log(-1) ~= math.log(-1))
