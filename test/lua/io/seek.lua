-- file:seek
local name = os.tmpname()
local f = assert(io.open(name, "w+"))
f:write("0123456789")
print(f:seek("cur"), f:seek("set", 2), f:read(3), f:seek("end"))
print(f:seek("set"), f:read("*a"))
f:close()
os.remove(name)
