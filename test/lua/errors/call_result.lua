-- Calling the result of a call has no name
local function f() return nil end
print(pcall(function() return f()() end))
print(pcall(function() return (f())() end))
