-- numeric_loop: a tight numeric for-loop mixing integer-valued arithmetic
-- (multiply, modulo, compare) with float arithmetic (add, divide), no calls
-- and no tables. Integer values stay below 2^31 so every engine (including
-- 32-bit-integer fengari) computes the same checksum.
local n = (arg and arg[1] == "quick") and 2000000 or 40000000

local isum, fsum, x = 0, 0.0, 0.0
for i = 1, n do
  isum = (isum + i * 3) % 65521
  x = x + 0.25
  if x > 100 then x = x - 100 end
  fsum = fsum + x / (i % 7 + 1)
  if fsum > 1000000 then fsum = fsum - 1000000 end
end

print(string.format("isum = %d  fsum = %.6f", isum, fsum))
