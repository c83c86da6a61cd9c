-- A step of 0 never advances; only break ends the loop
local n = 0
for i = 1, 3, 0 do n = n + 1; if n > 4 then break end end
print(n)
n = 0
for i = 3, 1, 0 do n = n + 1; if n > 2 then break end end
print(n)
