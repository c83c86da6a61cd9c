-- Hooks are per thread (lua_sethook on a lua_State): sethook(co, ...) hooks a coroutine,
-- gethook(co) reports it; getlocal works on frames inside a coroutine.
local co = coroutine.create(function(a)
  local x = a * 2
  local y = coroutine.yield(x)
  local name, value = debug.getlocal(1, 2)
  io.write("local ", name, " ", value, "\n")
  return x + y
end)
print(coroutine.resume(co, 5))
debug.sethook(co, function(ev, line) io.write("co ", ev, " ", tostring(line), "\n") end, "l")
print(debug.gethook())
local _, mask = debug.gethook(co)
print(mask)
print(coroutine.resume(co, 1))

local events = 0
debug.sethook(function() events = events + 1 end, "l")
local co2 = coroutine.wrap(function()
  local h = debug.gethook()
  coroutine.yield(h == nil)
end)
print(co2())
debug.sethook()
print(events > 0)
