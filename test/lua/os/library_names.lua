local names = {}
for k in pairs(os) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
