-- tonumber on non-strings
print(tonumber(5), tonumber(nil), tonumber(true), tonumber({}), tonumber(print))
print(tonumber("5"), tonumber("5", nil))
print(pcall(tonumber))
