-- setfenv argument checks
print(pcall(setfenv, print, {}))
print(pcall(setfenv, 1, 2))
print(pcall(getfenv, -1))
print(pcall(getfenv, 100))
print(pcall(setfenv, {}, {}))
