-- Many arguments and results
local function id(...) return ... end
local t = {}
for i = 1, 200 do t[i] = i end
local r = {id(unpack(t))}
print(#r, r[1], r[200])
print(select("#", id(unpack(t))))
