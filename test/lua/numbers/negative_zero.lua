-- Negative zero prints as -0 and compares equal to 0
local z = 0
local nz = -z
print(nz, z, nz == z, 1 / nz, 1 / z)
print(nz .. "", tostring(nz), string.format("%g", nz))
print(z * -1, 0 * -1 == 0)
