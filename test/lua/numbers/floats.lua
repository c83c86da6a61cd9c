-- Non-integral values use at most 14 significant digits
print(0.5, 0.25, 0.125, 1.5e-10, 123.456, -0.001)
print(1/3, 1/7, 22/7, math.pi, -math.pi)
print(1e-300, 1.7976931348623157e308, 4.9e-324)
print(12345.678901234567, 0.000012345)
