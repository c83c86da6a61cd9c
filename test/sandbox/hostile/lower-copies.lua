-- expect: memory
-- string.lower copies its argument: a megabyte string lower-cased into a table, again and again.
local s, kept = ("X"):rep(2 ^ 20), {}
for i = 1, 1e6 do kept[i] = s:lower() end
