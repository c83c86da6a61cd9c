print("never printed")
local x = 0xg
