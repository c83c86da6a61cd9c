-- Floating point results printed with 14 significant digits
print(0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 100/3)
print(3.14159265358979, 123456.789e3, 1e-5, 12345678901234.5)
print(0.1 + 0.2 == 0.3, 1e15 + 0.5)
