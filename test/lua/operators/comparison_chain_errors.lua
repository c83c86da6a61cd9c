-- Error messages of failed comparisons
print(pcall(function() return 1 < {} end))
print(pcall(function() return {} <= 1 end))
print(pcall(function() return "x" > 2 end))
print(pcall(function() return true < false end))
print(pcall(function() return print < print end))
