-- os.remove and os.rename on a temporary file
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("data")
f:close()
local renamed = name .. ".renamed"
print(os.rename(name, renamed))
print(os.remove(renamed))
local ok, msg = os.remove(renamed)
print(ok, msg == renamed .. ": No such file or directory")
