-- getfenv of a library (C) function is the thread's globals table (luaB_getfenv pushes
-- LUA_GLOBALSINDEX for C functions), so after setfenv(0, t) it is t, as getfenv(0) is.
local G = _G
local t = setmetatable({}, { __index = G })
G.print(G.getfenv(G.print) == G, G.getfenv(G.string.format) == G)
setfenv(0, t)
G.print(G.getfenv(G.print) == t, G.getfenv(0) == t, G.getfenv(G.print) == G)
G.print(G.getfenv(G.string.rep) == t, G.getfenv(1) == G)
setfenv(0, G)
G.print(G.getfenv(G.print) == G)
