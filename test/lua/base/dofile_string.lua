-- dofile runs a file and returns its results; loadfile returns the chunk
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("return 1 + 1, ...\n")
f:close()
print(dofile(name))
local chunk = loadfile(name)
print(chunk("extra"))
os.remove(name)
