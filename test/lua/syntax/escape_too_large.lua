print("never printed")
local s = "\300"
