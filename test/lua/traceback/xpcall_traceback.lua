-- xpcall(f, debug.traceback): the handler runs before the stack unwinds (ldo.c luaG_errormsg),
-- so the traceback lists the failing frames.
local function fail() error("boom") end
local function call() fail() end
local ok, tb = xpcall(call, debug.traceback)
print(ok)
print((tb:gsub("\n%s*%[C%]: %?$", "")))
print(xpcall(call, function(m) return "handled: " .. m end))
print(xpcall(call, function() error("again") end))
