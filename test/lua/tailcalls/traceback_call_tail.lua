-- Tracebacks through tail calls made via __call (§2.5.8, ldo.c tryfuncTM then a tail call):
-- each one is a `(tail call): ?` level.
local obj = setmetatable({}, {__call = function(self, n)
  if n == 0 then
    print(debug.traceback("inside"))
    local x = nil
    return x.field
  end
  return self(n - 1)
end})
local function start(n) return obj(n) end
local function outer() local r = start(3) return r end
outer()
