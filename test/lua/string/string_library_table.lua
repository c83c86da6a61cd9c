-- The string library functions
local names = {}
for k in pairs(string) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
