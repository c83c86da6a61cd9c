-- Operations on longer strings
local parts = {}
for i = 1, 1000 do parts[i] = string.char(65 + i % 26) end
local s = table.concat(parts)
print(#s, s:sub(1, 10), s:sub(-5))
local count = select(2, s:gsub("A", "A"))
print(count)
print(#s:rep(100))
