print("never printed")
local s = [==x
