-- VM frames nested inside a coroutine: calls, returns, tail calls, varargs, upvalues, errors
local function counter()
  local n = 0
  return function(step) n = n + (step or 1) coroutine.yield(n) return n end
end
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s, select("#", ...)
end
local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + n) end
local function multi() return 1, 2, 3 end
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end

local co = coroutine.create(function(x)
  local inc = counter()
  print("a", inc(), inc(2), inc())
  print("b", sum(1, 2, 3, multi()))
  print("c", tail(100, 0), fact(10))
  local t = { multi() }
  print("d", #t, t[1], t[3])
  local closures = {}
  for i = 1, 3 do
    local function mk() local v = i * 10 return function() coroutine.yield(v) return v end end
    closures[i] = mk()
  end
  for i = 1, 3 do print("e", closures[i]()) end
  print("f", pcall(function() error("boom " .. x) end))
  print("g", select("#", (function(...) return ... end)(nil, nil)))
  local ok, msg = pcall(function() local y = nil; return y.field end)
  print("h", ok, msg)
  print("i", x, coroutine.running() ~= nil)
  return "finished", inc(100)
end)
local n = 0
while true do
  local res = { coroutine.resume(co, n) }
  n = n + 1
  print("resume", n, res[1], res[2], res[3])
  if coroutine.status(co) == "dead" then break end
end
-- deep recursion inside a coroutine
local deep = coroutine.create(function() local function r(k) return 1 + r(k + 1) end return r(1) end)
local ok, err = coroutine.resume(deep)
print("deep", ok, (string.gsub(err, "^.-:%d+: ", "")))
-- an error from a nested frame, with a traceback
local bad = coroutine.create(function() local function f() local t = nil return t.x end local function g() return (f()) end return g() end)
print(coroutine.resume(bad))
print(debug.traceback(bad))
-- levels seen from a nested frame
local lv = coroutine.wrap(function()
  local function inner() coroutine.yield(debug.getinfo(1, "n").name, debug.getinfo(2, "l").currentline) end
  local function outer() inner() return "x" end
  outer()
end)
print(lv())
