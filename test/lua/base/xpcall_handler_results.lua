-- xpcall's handler gives exactly one value: nil when it returns none, the first of several
print(xpcall(error, function(m) return end))
print(xpcall(error, function(m) return 1, 2 end))
print(select("#", xpcall(error, function() end)))
print(coroutine.wrap(function() return xpcall(error, function() return end) end)())
