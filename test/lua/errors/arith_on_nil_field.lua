local config = {}
print(pcall(function() return config.width * 2 end))
print(pcall(function() config.count = config.count + 1 end))
