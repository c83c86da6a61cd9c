-- math argument checks
print(pcall(math.floor))
print(pcall(math.max))
print(pcall(math.min))
print(pcall(math.sqrt, "x"))
print(math.floor("3.5"), math.abs("-2"))
