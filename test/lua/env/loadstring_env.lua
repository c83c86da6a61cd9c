-- Chunks from loadstring get the global environment (thread env)
local f = loadstring("return myvar")
myvar = "global"
print(f())
setfenv(f, {myvar = "private"})
print(f())
