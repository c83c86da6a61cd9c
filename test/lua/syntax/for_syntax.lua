print("never printed")
for i do end
