-- io.write writes strings and numbers without separators
io.write("a", 1, 2.5, "b", "\n")
io.write()
io.write(1e15, " ", 1/3, "\n")
print(io.write("x") == io.stdout)
print(pcall(io.write, {}))
