-- print writes its arguments separated by tabs, then a newline
print()
print(nil)
print(1, "two", nil, true, false)
print("a", "", "b")
print(1.5, -0.25, 1e100)
