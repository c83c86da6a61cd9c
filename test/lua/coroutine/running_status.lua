-- running and status from inside
print(coroutine.running())
local co
co = coroutine.create(function()
  print(coroutine.running() == co, coroutine.status(co))
end)
coroutine.resume(co)
print(coroutine.status(co))
