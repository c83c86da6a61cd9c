-- string.find with plain search and init
print(("hello world"):find("o"))
print(("hello world"):find("o", 6))
print(("hello world"):find("xyz"))
print(("a.b.c"):find(".", 1, true))
print(("a.b.c"):find("."))
print(("abc"):find("", 10), ("abc"):find("", 4), ("abc"):find(""))
print(("abc"):find("c", -1), ("abc"):find("a", -10))
