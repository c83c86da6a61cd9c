print("never printed")
local x =
