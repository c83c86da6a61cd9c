print("never printed")
local t = {1, 2
