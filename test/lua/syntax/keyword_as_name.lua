print("never printed")
local end = 1
