-- string.format conversions
print(string.format("%s and %s", "this", "that"))
print(string.format("%d items", 5), string.format("%5.1f|", 3.14159), string.format("%-6s|", "ab"))
print(string.format("%%"), string.format("no args"))
print(string.format("%c%c%c", 76, 117, 97))
print(string.format("%s", 12), string.format("%s", 1.5), string.format("%d", "12"))
