print("never printed")
local x = 1.2.3
