-- Argument type errors for common functions
print(pcall(string.len))
print(pcall(string.sub))
print(pcall(table.concat, 1))
print(pcall(table.insert))
print(pcall(math.max))
print(pcall(tostring))
