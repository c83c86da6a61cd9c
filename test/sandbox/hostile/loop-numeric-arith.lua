-- expect: fuel
-- A loop of arithmetic only (the VM runs it over unboxed numbers, numeric-kernel.ts), with a
-- loop inside it: the fuel charged at both backward jumps ends it.
local x, y = 0, 1.5
for i = 1, math.huge do
  x = (x + i * 3) % 65521
  local j = 0
  while j < 3 do
    j = j + 1
    y = y * 1.0001
  end
end
