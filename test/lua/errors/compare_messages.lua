print(pcall(function() return {} < 1 end))
print(pcall(function() return "a" < 1 end))
print(pcall(function() return nil > nil end))
print(pcall(function() return {} <= {} end))
