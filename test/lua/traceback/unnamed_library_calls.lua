-- Library functions reached by calls with no name are [C]: ? levels (a call's result), field
-- calls with a computed key are '?' (getfuncname), in messages and uncaught tracebacks.
print(pcall(string.rep))
local t = {string.rep}
print(pcall(function() t[1]() end))
print(pcall(function() (function() return string.rep end)()() end))
(function() return string.rep end)()()
