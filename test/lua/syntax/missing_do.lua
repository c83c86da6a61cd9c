print("never printed")
while true print(1) end
