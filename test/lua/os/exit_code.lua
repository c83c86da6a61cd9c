-- os.exit ends the program with the given status
print("before exit")
io.stdout:flush()
os.exit(3)
print("never")
