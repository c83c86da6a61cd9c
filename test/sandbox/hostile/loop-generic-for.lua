-- expect: fuel
local function forever(_, i) return i + 1 end
for i in forever, nil, 0 do end
