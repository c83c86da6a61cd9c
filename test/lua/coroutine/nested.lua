-- A coroutine resuming another; status 'normal'
local outer
local inner = coroutine.create(function()
  print("inner sees outer as", coroutine.status(outer))
  coroutine.yield("from inner")
end)
outer = coroutine.create(function()
  print(coroutine.resume(inner))
  coroutine.yield("from outer")
end)
print(coroutine.resume(outer))
print(coroutine.status(inner), coroutine.status(outer))
