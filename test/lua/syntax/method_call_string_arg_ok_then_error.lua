print("never printed")
local s = ("x"):rep(2)
print(s
local y = 1
