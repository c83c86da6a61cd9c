-- Denormals and tiny numbers
print(2^-1022, 2^-1074, 2^-1075, 5e-324 / 2)
print(1e-310 > 0, -1e-320)
