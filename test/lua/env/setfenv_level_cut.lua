-- setfenv's level is luaL_checkint's: the number cut to a C int (lbaselib.c getfunc). Only a
-- first argument equal to 0 changes the thread's globals; one that becomes 0 when cut (2^32,
-- 2^40, 1e308) names level 0 of the stack, setfenv itself, whose environment cannot change.
print(pcall(setfenv, 2 ^ 32, _G))
print(pcall(setfenv, 2 ^ 40, _G))
print(pcall(setfenv, 1e308, _G))
print(pcall(setfenv, 2 ^ 31, _G))
print(pcall(setfenv, -1, _G))
print(pcall(setfenv, 0.5, _G))
print(select("#", setfenv("0", _G)), getfenv(0) == _G)
print(select("#", setfenv(0, _G)), getfenv(0) == _G)
-- getfenv at a level cut to 0 gives the thread's globals, as getfenv(0) does.
print(getfenv(2 ^ 32) == getfenv(0), getfenv(1e308) == _G)
