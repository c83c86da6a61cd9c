-- 5.1 base library extras exist
print(type(gcinfo), type(newproxy), type(unpack), type(module), type(require))
local p = newproxy()
print(type(p))
local q = newproxy(true)
getmetatable(q).__index = function(_, k) return "proxy:" .. k end
print(q.field)
