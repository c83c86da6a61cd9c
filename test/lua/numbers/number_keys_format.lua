-- Numbers used in string.format
print(string.format("%d %5d %-5d| %05d", 42, 42, 42, 42))
print(string.format("%.3f %10.2f %e %g %g", math.pi, math.pi, 12345.678, 0.0001, 1e20))
print(string.format("%x %X %o %#x", 255, 255, 8, 255))
print(string.format("%.14g %.17g", 0.1, 0.1))
print(string.format("%d", 3.99), string.format("%d", -3.99))
