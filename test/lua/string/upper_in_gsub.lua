-- Using library functions as gsub replacement
print(("hello world"):gsub("%a+", string.upper))
print(("x y z"):gsub("%a", string.byte))
print(pcall(string.gsub, "abc", ".", string.rep))
