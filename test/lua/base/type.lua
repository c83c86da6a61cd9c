-- type returns the type name as a string
print(type(nil), type(true), type(0), type(""), type({}), type(print), type(type))
print(type(coroutine.create(function() end)), type(io.stdout))
print(pcall(type))
