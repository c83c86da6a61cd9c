-- table.foreach and foreachi (deprecated but present in 5.1)
table.foreachi({"a", "b"}, print)
local r = table.foreach({x = 1}, function(k, v) return k .. v end)
print(r)
