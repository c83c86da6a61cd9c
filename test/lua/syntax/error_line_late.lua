print("never printed")

local a = 1
local b = 2


local c = ) 

