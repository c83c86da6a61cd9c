-- expect: memory
-- string.reverse copies its argument.
local s, kept = ("xy"):rep(2 ^ 19), {}
for i = 1, 1e6 do kept[i] = s:reverse() end
