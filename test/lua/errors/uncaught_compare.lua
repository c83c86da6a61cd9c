local a, b = {}, 1
if a < b then print("never") end
