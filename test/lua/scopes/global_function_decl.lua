-- `function name()` assigns a global; `function a.b.c()` assigns a field
function globalFn() return "global" end
local t = {inner = {}}
function t.inner.deep() return "deep" end
function t:method() return self == t end
print(globalFn(), t.inner.deep(), t:method())
print(type(_G.globalFn))
