-- debug.getupvalue/setupvalue (§5.9, ldblib.c auxupvalue): upvalues are numbered in the order the
-- parser first meets them (lparser.c indexupvalue), including references from nested functions;
-- C functions have none; setupvalue changes the variable every closure sharing it sees.
local a, b, c = 1, 2, 3
local function f() return c + a end
local function g()
  local x = 10
  local function h() return x + b + a end
  return h
end
local h = g()
for i = 1, 4 do print(debug.getupvalue(f, i)) end
for i = 1, 4 do print(debug.getupvalue(h, i)) end
print(debug.getupvalue(g, 1), debug.getupvalue(g, 2), debug.getupvalue(g, 3))
print(debug.setupvalue(f, 2, 100), f(), a)
print(debug.setupvalue(h, 1, 5), h())
print(debug.setupvalue(f, 3, 0))
print(debug.getupvalue(print, 1))
local function rec(n) if n == 0 then return 0 end return rec(n - 1) end
print((debug.getupvalue(rec, 1)), select(2, debug.getupvalue(rec, 1)) == rec)
local t = {}
for i = 1, 2 do t[i] = function() return i end end
debug.setupvalue(t[1], 1, 42)
print(t[1](), t[2]())
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.setupvalue, f, 1))
-- Shared upvalues and closures that may yield (their resumable form sees the same variables).
local shared = 0
local function inc() shared = shared + 1 return shared end
local function get() return shared end
debug.setupvalue(inc, 1, 10)
print(inc(), get(), debug.getupvalue(get, 1))
local gen = coroutine.wrap(function() local k = 0 while true do k = k + 1 coroutine.yield(k + shared) end end)
print(gen(), debug.getupvalue(gen, 1))
local step = 5
local function stepper() coroutine.yield(step) return step end
debug.setupvalue(stepper, 1, 7)
local co = coroutine.create(stepper)
print(coroutine.resume(co))
print(coroutine.resume(co))
