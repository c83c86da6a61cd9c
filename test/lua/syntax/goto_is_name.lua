print("never printed")
goto = 1
print(goto)
local x = = 2
