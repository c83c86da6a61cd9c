-- xpcall's handler gives one value also when the error happens after a yield across xpcall
print(coroutine.wrap(function() return xpcall(function() coroutine.yield() error("y") end, function(m) return m, "extra" end) end)())
local co = coroutine.wrap(function() return xpcall(function() coroutine.yield(1) error("late") end, function(m) return m, 2, 3 end) end)
print(co())
print(co())
