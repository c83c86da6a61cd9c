-- Indexing numbers, booleans and functions
local n, b, f = 5, true, print
print(pcall(function() return n.x end))
print(pcall(function() return b.x end))
print(pcall(function() return f.x end))
print(pcall(function() n.x = 1 end))
print(pcall(function() return (1).x end))
