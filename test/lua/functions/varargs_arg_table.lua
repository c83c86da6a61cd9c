-- In 5.1 (LUA_COMPAT_VARARG), a vararg function that never uses ... gets a local 'arg'
local function f(...) return arg and arg.n, arg and arg[1] end
print(f(10, 20))
local function g(...) local x = ... return arg end
print(g(1))
