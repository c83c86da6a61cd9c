-- Infinity spellings
print(1/0, -1/0, math.huge, -math.huge)
print(2^1024, -2^1024, 1e309)
print(tostring(1/0), tostring(-1/0), (1/0) .. "")
print(math.huge + 1 == math.huge, math.huge - math.huge ~= math.huge - math.huge)
print(string.format("%d", 3), tostring(1e308 * 10))
