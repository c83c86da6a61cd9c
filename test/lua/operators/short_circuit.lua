-- The right operand is evaluated only when needed
local calls = 0
local function f(v) calls = calls + 1; return v end
local _ = f(false) and f(true)
print(calls)
_ = f(true) or f(false)
print(calls)
_ = f(nil) or f(1)
print(calls)
