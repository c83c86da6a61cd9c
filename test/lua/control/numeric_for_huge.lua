-- Loops near the edges: infinite limits, large values, zero-trip
local n = 0
for i = 1, math.huge do n = n + 1; if n == 5 then break end end
print(n)
n = 0
for i = 2^52, 2^52 + 2 do n = n + 1 end
print(n)
for i = 1, -math.huge do print("never") end
print("done")
