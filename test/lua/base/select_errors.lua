-- select argument checks in a named call
local ok, e = pcall(function() return select(0) end)
print(e)
ok, e = pcall(function() return select() end)
print(e)
