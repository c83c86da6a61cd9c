-- io.lines over a generated file
local name = os.tmpname()
local f = assert(io.open(name, "w"))
for i = 1, 5 do f:write("row ", i, "\n") end
f:close()
local n = 0
for l in io.lines(name) do n = n + 1 end
print(n)
for l in assert(io.open(name)):lines() do io.write(l, ";") end
print()
os.remove(name)
print(pcall(io.lines, "test/lua/no/such/file.txt"))
