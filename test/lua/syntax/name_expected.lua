print("never printed")
local function 1() end
