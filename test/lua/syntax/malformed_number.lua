print("never printed")
  local b = 3print(b)
