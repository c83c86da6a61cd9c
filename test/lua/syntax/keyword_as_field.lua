print("never printed")
t = {}
t.end = 1
