-- Beyond 5.1 (as Lua 5.2+ and LuaJIT): a coroutine may yield from inside pcall and xpcall;
-- the protected call stays in force after the resume. lua5.1 refuses with "attempt to yield
-- across metamethod/C-call boundary".
local co = coroutine.create(function(a)
  local ok, v = pcall(function(x)
    local got = coroutine.yield(x + 1)
    return got * 2
  end, a)
  print("pcall returned", ok, v)
  local ok2, e = pcall(function()
    coroutine.yield("before error")
    error("after resume")
  end)
  print("pcall caught", ok2, e)
  print(xpcall(function()
    coroutine.yield("in xpcall")
    error({ code = 7 })
  end, function(err) return "handled " .. tostring(type(err) == "table" and err.code) end))
  return "finished"
end)
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 21))
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.status(co))
-- pcall(coroutine.yield, ...) itself
co = coroutine.create(function() return pcall(coroutine.yield, 1, 2) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "x", "y"))
