print("never printed")
local function f() return ... end
