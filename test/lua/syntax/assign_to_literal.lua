print("never printed")
1 = 2
