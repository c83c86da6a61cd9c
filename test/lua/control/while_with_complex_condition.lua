local i, j = 0, 10
while i < j and (i + j) % 7 ~= 0 do i = i + 1; j = j - 1 end
print(i, j)
