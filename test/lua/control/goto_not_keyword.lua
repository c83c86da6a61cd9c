-- goto and continue are ordinary names in 5.1
local goto, continue = "g", "c"
print(goto, continue)
