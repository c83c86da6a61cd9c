-- Errors inside coroutines are returned by resume
local co = coroutine.create(function() error("oops") end)
print(coroutine.resume(co))
print(coroutine.status(co))
local co2 = coroutine.create(function() error({}) end)
local ok, e = coroutine.resume(co2)
print(ok, type(e))
print(pcall(coroutine.yield))
print(pcall(coroutine.resume, 1))
