-- Calling a field of a global table
print(pcall(function() return string.nope("x") end))
print(pcall(function() return math.sin.x end))
