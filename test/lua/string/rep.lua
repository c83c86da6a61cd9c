-- string.rep(s, n)
print(("ab"):rep(3), ("x"):rep(0), ("x"):rep(-1), (""):rep(100))
print(#("abc"):rep(1000))
print(string.rep("a", 2.9))
