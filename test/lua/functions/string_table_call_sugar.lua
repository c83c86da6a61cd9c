-- f"str" and f{table} call syntax
local function show(x) return type(x) == "table" and "table:" .. #x or "string:" .. x end
print(show"abc", show[[long]], show{1, 2, 3})
local obj = {m = function(self, x) return show(x) end}
print(obj:m"s", obj:m{1})
print(type{})
