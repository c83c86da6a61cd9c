-- A yield with a library function (a C function in 5.1) between it and resume cannot
-- suspend: lua5.1's "attempt to yield across metamethod/C-call boundary" (lua_yield), also
-- from the main thread. (Yielding across pcall is beyond 5.1: test/lua-beyond/.)
print(pcall(coroutine.yield, 1))
local co = coroutine.create(function()
  table.sort({ 3, 2, 1 }, function(a, b)
    coroutine.yield("in sort")
    return a < b
  end)
end)
print(coroutine.resume(co))
print(coroutine.status(co))
co = coroutine.create(function()
  return (string.gsub("abc", "%w", function(c) return coroutine.yield(c) end))
end)
print(coroutine.resume(co))
co = coroutine.wrap(function()
  local ok, e = pcall(string.rep)
  coroutine.yield(ok, e)
  return "after"
end)
print(co())
print(co())
