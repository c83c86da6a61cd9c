print("never printed")
("x"):upper

