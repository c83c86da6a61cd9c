-- os.clock is a number; getenv of unset variables is nil
print(type(os.clock()), os.clock() >= 0)
print(os.getenv("LUNETTE_SURELY_UNSET_VARIABLE"))
print(type(os.getenv("PATH")))
