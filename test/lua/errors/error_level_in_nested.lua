-- error levels 1, 2 and 3 point at successively outer calls
local function lvl(n) error("at level " .. n, n) end
local function a(n) lvl(n) end   -- line 3
local function b(n) a(n) end     -- line 4
for n = 1, 3 do print(pcall(b, n)) end
