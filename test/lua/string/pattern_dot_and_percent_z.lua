-- '.' matches any byte including \0; %z matches \0 in 5.1
print(("a\0b"):match(".(.)."):byte())
print(("a\0b"):find("%z"))
print((("a\0b\0"):gsub("%z", "0")))
