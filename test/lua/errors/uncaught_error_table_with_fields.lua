-- A table error value that reaches the top level
local ok, e = pcall(error, {msg = "caught"})
print(ok, e.msg)
error({msg = "uncaught"}, 2)
