-- expect: fuel time
-- Each level catches the overflow of the next and recurses again: exponential work.
local function f() pcall(f) f() end
f()
