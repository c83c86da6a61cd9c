-- string.format argument errors
print(pcall(string.format, "%d", "x"))
print(pcall(string.format, "%d"))
print(pcall(string.format, "%s"))
print(pcall(string.format, "%y", 1))
print(pcall(string.format, "%", 1))
print(pcall(string.format, "%s", nil))
print(pcall(string.format, "%s", {}))
print(pcall(string.format, "%123d", 1))
