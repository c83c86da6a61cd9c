-- Chunk names: "=name" verbatim, "@file" a file, otherwise [string "..."]
print(pcall(loadstring("error('e')")))
print(pcall(loadstring("error('e')", "=custom")))
print(pcall(loadstring("error('e')", "@path/to/f.lua")))
print(pcall(loadstring("\n\nerror('third line')")))
print(pcall(loadstring("local a = 1\nerror('e')", "a very long chunk name that goes on and on and on and on and on and on")))
print(loadstring("local x = ", "=c"))
print(loadstring("first line\nsecond"))
