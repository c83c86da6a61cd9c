-- ^ anchors, %b balanced matches, %f frontier
print(("hello"):match("^h"), ("hello"):match("^e"), ("hello"):match("o$"), ("a$"):match("$$"))
print(("f(a(b)c) d"):match("%b()"), ("[x][y]"):gsub("%b[]", "B"))
print(("THE (quick) fox"):find("%f[%a]%a+"))
print(("hello world"):gsub("%f[%w]%w+", function(w) return w:sub(1,1):upper() .. w:sub(2) end))
print(("x^y"):match("^x%^y$"))
