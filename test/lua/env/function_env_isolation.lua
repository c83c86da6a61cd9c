-- Two functions with different environments do not see each other's globals
local function a() shared = "from a"; return shared end
local function b() return shared end
setfenv(a, {})
print(a(), b(), shared)
