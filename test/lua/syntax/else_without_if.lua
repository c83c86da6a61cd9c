print("never printed")
else print(1)
