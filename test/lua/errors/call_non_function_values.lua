print(pcall(function() local t = {} t() end))
print(pcall(function() local b = true b() end))
print(pcall(function() ("x")() end))
