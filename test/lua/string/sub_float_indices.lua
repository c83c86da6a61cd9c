-- Non-integral indices are truncated (lua_tointeger)
print(("abcdef"):sub(2.9, 4.1), ("abcdef"):sub(-2.5))
print(("abcdef"):byte(1.9))
