-- An uncaught error's traceback (lua.c's traceback handler): the error function, each Lua
-- level with its name, the main chunk.
local function level3() error("deep error") end
local function level2() level3() end
function level1() level2() end
level1()
