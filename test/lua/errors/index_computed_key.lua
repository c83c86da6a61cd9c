-- With a non-constant key no name is given for the indexed value
local t = {}
local k = "x"
print(pcall(function() return t[k].y end))
print(pcall(function() return t[1][2] end))
print(pcall(function() return ({})[1].z end))
