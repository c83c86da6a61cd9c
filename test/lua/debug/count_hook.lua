-- debug.sethook with a count hook (§5.9, ldo.c luaD_callhook LUA_HOOKCOUNT): a hook that raises an
-- error stops a runaway loop; hooks are per thread; the event name is "count". Compiled code
-- counts loop back-edges and calls rather than instructions (docs/stdlib.md), so only the
-- presence of events is checked, never their number.
local n = 0
debug.sethook(function(ev) n = n + 1 if n >= 5 then error("stopped by hook") end end, "", 1000)
print(pcall(function() while true do end end))
debug.sethook()
print(n >= 5, debug.gethook())
-- counting work
local events = 0
debug.sethook(function(ev) events = events + 1 end, "", 100)
local s = 0
for i = 1, 100000 do s = s + i end
debug.sethook()
print(s, events > 0)
local f, m, c = debug.gethook()
print(f, m, c)
local count = 0
local co = coroutine.create(function()
  debug.sethook(function() count = count + 1 end, "", 10)
  for i = 1, 1000 do end
  debug.sethook()
  return count > 0
end)
print(coroutine.resume(co))
-- main thread has no hook: a loop here calls nothing
local before = count
for i = 1, 1000 do end
print(count == before)
-- exact counts differ between compiled code (fuel units) and lua5.1 (instructions); only
-- the presence of events is checked.
local calls = 0
debug.sethook(function(e) calls = calls + 1 assert(e == "count") end, "", 1)
local x = 0
for i = 1, 10 do x = x + 1 end
debug.sethook()
print(calls >= 10)
