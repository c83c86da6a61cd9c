print("never printed")
local f = print
f
("x")
