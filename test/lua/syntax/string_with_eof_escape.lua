print("never printed")
local s = "abc\
