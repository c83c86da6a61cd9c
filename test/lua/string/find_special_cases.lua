-- find/match with init beyond the string and empty patterns
print(("abc"):find("b", 10))
print(("abc"):match("", 4))
print(("abc"):match("", 5))
print(("abc"):find("b", -100))
print(string.find("a+b", "+", 1, true), string.find("a+b", "a+", 1))
