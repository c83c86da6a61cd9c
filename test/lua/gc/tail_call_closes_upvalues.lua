-- a frame that tail-calls a library function closes its upvalues (the closure keeps its own value)
local mt = { __index = {} }
local function new(v)
  local self = {}
  local hidden = v
  self.get = function() return hidden end
  self.set = function(x) hidden = x end
  return setmetatable(self, mt)
end
local a, b = new(1), new(2)
a.set(10)
print(a.get(), b.get())
local weak = setmetatable({}, { __mode = "k" })
local kept
local function keep()
  local key = {}
  weak[key] = true
  local count = 0
  kept = function() count = count + 1 return count end
  return select("#", kept)
end
print(keep(), kept(), kept())
collectgarbage()
local n = 0
for _ in pairs(weak) do n = n + 1 end
print("weak entries", n)
