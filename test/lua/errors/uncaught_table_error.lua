-- An error object that is a table cannot be printed by the interpreter
io.write("partial output\n")
error({code = 1})
