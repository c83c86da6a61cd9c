-- An environment with __index inherits from _G
local function f() return tostring(answer) .. " " .. type(print) end
setfenv(f, setmetatable({answer = 42}, {__index = _G}))
print(f())
