-- calls of non-functions inside a coroutine name the callee as lua5.1 does; a __call handler may yield
local co = coroutine.wrap(function()
  local t = {}
  print(pcall(function() local f; f() end))
  print(pcall(function() t.missing() end))
  print(pcall(function() return t.missing() end))
  print(pcall(function() undefinedglobal() end))
  print(pcall(function() local b = true; b() end))
  local callable = setmetatable({}, { __call = function(self, x) local y = coroutine.yield(x) return y * 2 end })
  print("callable", callable(5))
  local function tc() return callable(6) end
  print("tail", tc())
  return "end"
end)
print(co())
print(co(10))
print(co(20))
