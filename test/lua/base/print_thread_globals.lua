-- print looks tostring up in the thread's global table (lua_getglobal), with its __index:
-- setfenv(0, t) changes which one
local G = _G
print("before")
setfenv(0, setmetatable({}, {__index = function(_, k) return k == "tostring" and function(v) return "<" .. G.tostring(v) .. ">" end or nil end}))
print(1, "two", nil)
setfenv(0, setmetatable({}, {__index = G}))
print("through __index")
setfenv(0, {})
print(pcall(print, "no tostring"))
setfenv(0, G)
print("after")
