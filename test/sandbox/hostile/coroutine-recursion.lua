-- expect: error fuel
local function f() coroutine.wrap(f)() end
f()
