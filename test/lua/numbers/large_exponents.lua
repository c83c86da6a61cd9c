-- Exponent notation kicks in at 1e15 and below 1e-4
print(1e14, 1e15, 1e20, 1e100, 1e308)
print(0.0001, 0.00001, 1e-10, 1.5e-7)
print(123456789012345678, 1.5e15, -2.5e20)
