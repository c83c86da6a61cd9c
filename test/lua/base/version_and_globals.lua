-- A few values from the base library
print(_VERSION, type(_G), math.pi == math.pi)
print(type(os.time()), type(os.clock()))
