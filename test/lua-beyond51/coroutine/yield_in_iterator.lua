-- Yielding from a `for ... in` iterator function (works in 5.1 too: the iterator is a Lua
-- function called by the loop) and from a generator that wraps it.
local function numbers(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
local co = coroutine.create(function()
  local sum = 0
  for v in function(_, last)
    local nxt = coroutine.yield("need", last)
    return nxt
  end, nil, 0 do
    sum = sum + v
    if v >= 3 then break end
  end
  for i in numbers(3) do sum = sum + i * 10 end
  return sum
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 2))
print(coroutine.resume(co, 3))
