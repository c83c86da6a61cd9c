-- Table constructors with nils: the array part is presized, so # sees the last non-nil item
print(#{1, 2, nil, 4}, #{nil, nil, 3}, #{1, nil}, #{n = 1, 1, 2}, #{nil}, #{})
local function three() return 1, nil, 3 end
print(#{three()}, #{three(), three()}, #{0, three()})
local t = {}
for i = 1, 60 do t[i] = i end
local big = {unpack(t)}
big[60] = nil
print(#big, select("#", unpack({1, nil, 3})))
local mixed = {1, nil, 3, x = "x", [10] = 10}
print(#mixed, mixed[3], mixed.x, mixed[10])
