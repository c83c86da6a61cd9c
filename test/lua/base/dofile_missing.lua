-- loadfile/dofile on a missing file
print(loadfile("test/lua/does/not/exist.lua"))
print(pcall(dofile, "test/lua/does/not/exist.lua"))
