print("never printed")
if x then elseif y then else elseif z then end
