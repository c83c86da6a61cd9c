-- string.format copies each conversion up to its first NUL, as str_format does with strlen
local s = string.format("[%s][%5s][%.2s][%-4c][%3c][%c]", "a\0b", "x\0y", "\0zz", 0, 0, 65)
print(#s, (s:gsub("%z", "Z")))
print(#string.format("%c", 0), #string.format("%5c", 0), #string.format("%-5c", 0))
