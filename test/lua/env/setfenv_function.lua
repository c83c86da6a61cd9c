-- setfenv changes where a function reads and writes globals
local function f() x = (x or 0) + 1; return x end
local env = {}
setfenv(f, env)
print(f(), f(), env.x, rawget(_G, "x"))
print(setfenv(f, _G) == f)
print(f(), x)
