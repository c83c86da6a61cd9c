-- stdin is empty in the tests: reads give nil
print(io.read())
print(io.read("*a"))
print(io.read("*n"))
print(io.read(5))
for line in io.lines() do print("never", line) end
print("done")
