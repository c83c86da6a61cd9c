-- getfenv returns the environment of a function or a stack level (§5.1)
print(getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G)
local function f() return getfenv(1) end
print(f() == _G, getfenv(f) == _G)
print(getfenv(print) == _G)
