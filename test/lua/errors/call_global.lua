print(pcall(function() return missingFunction(1, 2) end))
