-- assert returns all its arguments on success
print(assert(1, "msg", 3))
print(assert(true))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, 42))
print(pcall(assert))
local ok, e = pcall(assert, false, {code = 1})
print(ok, type(e), e.code)
