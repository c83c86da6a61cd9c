-- obj:method(...) passes obj as self
local obj = {n = 0}
function obj:add(k) self.n = self.n + k; return self end
obj:add(1):add(2):add(3)
print(obj.n)
local s = "text"
print(s:upper(), ("%d"):format(5))
local t = {f = function(self, x) return self == nil, x end}
print(t.f(nil, 1), t:f(2))
