print("never printed")
--[[ never closed
print(1)
