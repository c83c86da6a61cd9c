-- Non-string error values pass through unchanged
local t = {code = 42}
local ok, e = pcall(error, t)
print(ok, e == t, e.code)
print(pcall(error, 42))
print(pcall(error, true))
print(pcall(error, 3.5, 1))
local function f() error(12, 2) end
print(pcall(f))
