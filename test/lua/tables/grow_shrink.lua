-- Growing and shrinking a sequence
local t = {}
for i = 1, 1000 do t[#t + 1] = i end
print(#t, t[500], t[1000])
for i = 1, 500 do t[#t] = nil end
print(#t, t[500], t[501])
