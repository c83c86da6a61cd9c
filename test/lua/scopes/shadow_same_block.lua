-- Redeclaring a local in the same block shadows the old one; closures keep the old one
local x = 1
local function getOld() return x end
local x = 2
print(x, getOld())
local x = x + 10
print(x, getOld())
