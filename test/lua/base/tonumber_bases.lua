-- tonumber with a base between 2 and 36
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("777", 8), tonumber("1010", 2))
print(tonumber("z", 36), tonumber("Z", 36), tonumber("10", 36), tonumber("zz", 36))
print(tonumber("8", 8), tonumber("2", 2), tonumber("", 10), tonumber(" 11 ", 2))
print(tonumber("1.5", 10), tonumber("0x10", 16), tonumber("-ff", 16), tonumber("10", 10))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(tonumber(10, 16), tonumber("7fffffff", 16))
