-- Numeric formats
print(string.format("%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42))
print(string.format("%.2f|%10.3f|%-10.1f|%e|%.0e", 2.345, 2.345, 2.345, 123456, 5))
print(string.format("%g|%g|%g|%g|%.3g", 100000, 1000000, 0.0001, 0.00001, 2/3))
print(string.format("%x|%X|%#o|%o|%08x", 3735928559, 48879, 8, 64, 255))
print(string.format("%i", 7), string.format("%u", 7))
print(string.format("%.14g", 2^53), string.format("%.3s", "abcdef"), string.format("%10.2s|", "xyz"))
