print("never printed")
local t = {}
t.x 5
