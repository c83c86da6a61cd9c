-- §2.5.8: `return obj(args)` where obj has a __call metamethod is a proper tail call (OP_TAILCALL
-- resolves __call, then reuses the frame), in direct code and inside coroutines.
local t = setmetatable({}, {__call = function(self, n)
  if n == 0 then return "done" end
  return self(n - 1)
end})
local function tc(n) return t(n) end
print(tc(100000))

-- Mutual recursion through a __call object and a plain function.
local even
local odd = setmetatable({}, {__call = function(self, n)
  if n == 0 then return false end
  return even(n - 1)
end})
function even(n)
  if n == 0 then return true end
  return odd(n - 1)
end
print(even(100001), even(200000))

-- Inside a coroutine (the resumable form), with a yield in the middle of the chain.
local y = setmetatable({}, {__call = function(self, n)
  if n == 50000 then coroutine.yield("half") end
  if n == 0 then return "bottom" end
  return self(n - 1)
end})
local co = coroutine.create(function(n) return y(n) end)
print(coroutine.resume(co, 100000))
print(coroutine.resume(co))
print(coroutine.status(co))

-- Extra results and arguments pass through.
local m = setmetatable({}, {__call = function(self, a, b, ...) return a, b, select("#", ...) end})
local function pass(...) return m(...) end
print(pass(1, 2, 3, 4))

-- A library function as __call handler runs as a C function under OP_TAILCALL.
local r = setmetatable({}, {__call = rawequal})
local function viaLib() return r("lib") end
print(viaLib())

-- Calling a value without __call in tail position is still an error naming it.
local function bad() local v = {} return v(1) end
print(pcall(bad))
local function badGlobal() return undefinedName(1) end
print(pcall(badGlobal))

-- Error levels count the tail-call level.
local lv = setmetatable({}, {__call = function(self) error("deep", 2) end})
local function caller() return lv() end
print(pcall(caller))
