print("never printed")
local t = {}
t:m
print(1)
