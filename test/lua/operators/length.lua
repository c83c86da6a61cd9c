-- The length operator on strings and sequences
print(#"", #"hello", #"a\0b")
print(#{}, #{1, 2, 3}, #{n = 1}, #{1, 2, nil})
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
t[#t] = nil
print(#t)
print(pcall(function() return #5 end))
print(pcall(function() return #nil end))
