-- Exponents in numerals
print(1e0, 1e1, 1e2, 1E3, 2.5e3, 2.5E-3)
print(1e+2, 1e-2, .5e1, 5.e1)
print(1e300 * 10, 1e308, 1e-320 > 0)
print(3e-7, 123e-2)
