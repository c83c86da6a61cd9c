-- The main chunk may return values; the standalone interpreter ignores them
print("before return")
return 1, 2, 3
