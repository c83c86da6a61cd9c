-- io.stdout:write returns true in 5.1 (the file is returned only from 5.2 on)
print(io.stdout:write("one ", "two\n"))
print("three")
print(io.type(io.stdout), io.type(42), io.type(io.stdin))
