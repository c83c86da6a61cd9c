-- "10" < "9" is string comparison; 10 < 9 numeric
print("10" < "9", 10 < 9, "10" + 0 < "9" + 0)
print("a" .. 1 < "a" .. 2, "abc" >= "abd")
