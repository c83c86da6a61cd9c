-- The explist of a generic for is adjusted to three values
local function gen() return next, {a = 1}, nil, "extra" end
for k, v in gen() do print(k, v) end
for k, v in next, {b = 2} do print(k, v) end
