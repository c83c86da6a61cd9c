-- expect: memory
-- string.char with thousands of arguments, each result kept.
local codes, kept = {}, {}
for i = 1, 7999 do codes[i] = 65 + i % 26 end
for i = 1, 1e6 do kept[i] = string.char(unpack(codes)) end
