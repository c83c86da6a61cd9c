-- Integral values up to 1e15 print in full
local v = 1
for i = 1, 16 do v = v * 10; io.write(tostring(v - 1), " ") end
print()
print(2^49, 2^50 - 1, -(2^50))
