-- .. is right associative and chains many operands
local t = {}
for i = 1, 10 do t[i] = i end
print(t[1] .. t[2] .. t[3] .. t[4] .. t[5] .. t[6] .. t[7] .. t[8] .. t[9] .. t[10])
print("a" .. "b" .. "c" == "abc")
print(1 .. 2 .. 3)
