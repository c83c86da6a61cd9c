print(xpcall(function() error("a") end, function(e) return e:upper() end))
local x = nil
x.field = 1
