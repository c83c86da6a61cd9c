-- math.mod is the 5.0 name of math.fmod, still present in 5.1
print(math.mod == nil, math.mod and math.mod(7, 3), math.fmod(-7, 3))
