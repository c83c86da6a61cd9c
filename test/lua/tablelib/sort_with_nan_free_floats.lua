local t = {}
for i = 1, 30 do t[i] = ((i * 37) % 31) / 7 end
table.sort(t)
print(t[1], t[15], t[30])
