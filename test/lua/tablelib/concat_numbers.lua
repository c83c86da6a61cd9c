-- table.concat converts numbers with %.14g
print(table.concat({1, 2.5, 1/3, 1e15, 2^53}, " "))
print(table.concat({"a", 1}, 2))
