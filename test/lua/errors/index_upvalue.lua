local up
local function f() return up.x end
print(pcall(f))
