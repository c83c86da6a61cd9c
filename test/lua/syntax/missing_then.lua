print("never printed")
if x print(1) end
