-- fmod and modf with infinities
print(math.fmod(5.5, 2), math.fmod(-5.5, 2), math.fmod(5, math.huge))
print(math.modf(math.huge))
print(math.modf(5))
print(math.floor(-0.5), math.ceil(-0.5) == 0)
