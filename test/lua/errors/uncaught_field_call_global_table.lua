print("x")
string.nothing("y")
