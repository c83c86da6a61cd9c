-- string.byte and string.char
print(("ABC"):byte(), ("ABC"):byte(2), ("ABC"):byte(-1), ("ABC"):byte(1, 3))
print(("ABC"):byte(10), ("ABC"):byte(0), select("#", ("ABC"):byte(10)))
print(string.char(72, 105), string.char(), #string.char(0, 255))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, "x"))
