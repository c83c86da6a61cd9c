-- Global assignment writes to the environment table
g1 = 1
_G.g2 = 2
print(g1, g2, _G.g1, _G["g2"])
g1 = nil
print(g1, rawget(_G, "g1"))
