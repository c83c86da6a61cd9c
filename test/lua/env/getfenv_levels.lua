-- getfenv(2) is the caller's environment
local env = setmetatable({}, {__index = _G})
local function probe() return getfenv(2) end
local function caller() local e = probe() return e end
setfenv(caller, env)
print(caller() == env, probe() == _G)
