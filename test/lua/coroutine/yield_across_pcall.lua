-- In 5.1, yielding across pcall is an error
local co = coroutine.create(function()
  return pcall(coroutine.yield, 1)
end)
print(coroutine.resume(co))
