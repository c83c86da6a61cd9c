-- print uses tostring for numbers (%.14g)
print(100, 100.5, 1/3, -1/3, 1e14, 1e15, 2^53, 1e-4, 1e-5)
