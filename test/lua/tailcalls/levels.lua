-- A tail call replaces the caller's level (§2.5.8): level 2 of a tail-called function is
-- lua5.1's "(tail call)" level, which has no position.
local function lvl2() error("from level 2", 2) end
local function via() return lvl2() end
local function caller() via(); return 1 end
print(pcall(caller))

