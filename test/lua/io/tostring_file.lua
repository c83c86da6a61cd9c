-- tostring of files
print(tostring(io.stdout):match("^file %(") ~= nil)
local name = os.tmpname()
local f = io.open(name, "w")
f:close()
print(tostring(f))
os.remove(name)
