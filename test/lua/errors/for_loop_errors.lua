print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = "a", 2 do end end))
