-- string.gsub with string replacements and counts
print(("hello world"):gsub("o", "0"))
print(("hello world"):gsub("o", "0", 1))
print(("hello"):gsub("", "-"))
print(("abc"):gsub("%w", "%0%0"))
print(("hello world"):gsub("(%w+) (%w+)", "%2 %1"))
print(("100%"):gsub("%%", " percent"))
print(("abc"):gsub("b", "%%"))
print(("x"):gsub("x", "%1"))
