-- An error rethrown through several pcalls keeps its original position
local function a() error("deep") end
local function b() local ok, e = pcall(a); error(e, 0) end
local function c() local ok, e = pcall(b); error(e, 0) end
print(pcall(c))
