-- Loop bounds may be numeric strings; non-numbers are errors
for i = "1", "3" do io.write(i, " ") end
print()
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = nil, 2 do end end))
print(pcall(function() for i = 1, 2, {} do end end))
