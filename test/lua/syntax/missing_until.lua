print("never printed")
repeat
  local x = 1
