-- Argument errors in method calls count self (calling 'rep' on a string)
local s = "x"
print(pcall(function() return s:rep("many") end))
print(pcall(function() return s:sub({}) end))
print(pcall(function() return ("%d"):format("z") end))
