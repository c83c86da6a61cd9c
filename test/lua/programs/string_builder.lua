-- Building strings: concatenation in a loop vs table.concat
local s = ""
for i = 1, 100 do s = s .. (i % 10) end
local parts = {}
for i = 1, 100 do parts[#parts + 1] = i % 10 end
print(#s, s == table.concat(parts), s:sub(1, 12))
print(string.format("%-8s|%8s|", "left", "right"))
print(("="):rep(20))
