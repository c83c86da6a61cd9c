-- io.open failures return nil, message, errno
print(io.open("test/lua/no/such/file.txt"))
print(pcall(io.open, "x", "invalid mode"))
local name = os.tmpname()
local f = io.open(name, "w")
f:close()
print(pcall(f.write, f, "x"))
print(io.type(f))
os.remove(name)
