local x, y = ...
if x then print(1) end
if not x then print(2) end
if x and y then print(3) end
if x or y then print(4) end
if not (x and y) then print(5) end
if x == nil then print(6) end
if x ~= 1 then print(7) end
if 1 < x then print(8) end
if x >= 2 and y <= 3 or x > y then print(9) end
if nil then print(10) end
if true then print(11) end
if false then print(12) else print(13) end
while true do if x then break end end
while x do x = not x end
repeat until true
repeat until x
local z = x and 1 or 2
local w = not x == y
local v = x == (y == nil)
local u = (x or y) and (not x or y)
local b1 = x > 1
local b2 = not (x and y or z)
for i = 10, 1, -1 do end
for i = 1.5, 2.5, 0.25 do print(i) end
for _ in next, {} do end
return x and y, not y
