print("never printed")
local t = {}
t. = 1
