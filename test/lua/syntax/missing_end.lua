print("never printed")
if true then
  print(1)
