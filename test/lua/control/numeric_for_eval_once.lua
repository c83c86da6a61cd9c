-- The three control expressions are evaluated once, before the loop
local n = 3
local calls = 0
local function lim() calls = calls + 1; return n end
for i = 1, lim() do n = 10 end
print(calls, n)
