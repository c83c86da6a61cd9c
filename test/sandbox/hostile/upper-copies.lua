-- expect: memory
-- string.upper copies its argument: a megabyte string upper-cased into a table, again and again.
local s, kept = ("x"):rep(2 ^ 20), {}
for i = 1, 1e6 do kept[i] = s:upper() end
