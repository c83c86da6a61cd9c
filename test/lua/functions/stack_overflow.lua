-- Infinite non-tail recursion raises a catchable stack overflow
local function inf(n) return 1 + inf(n + 1) end
local ok, err = pcall(inf, 1)
print(ok, (string.find(err, "stack overflow", 1, true)) ~= nil)
