-- Recursion through metamethods nests C calls (luaD_call, L->nCcalls): past LUAI_MAXCCALLS
-- (200) lua5.1 raises "C stack overflow" at the operation, not "stack overflow". pcall and
-- resume count as C calls too, and a caught error gives the count back.
local n = 0
local function try(label, f)
  n = 0
  local ok, e = pcall(f)
  print(label, ok, e, n)
end

local idx = setmetatable({}, {})
getmetatable(idx).__index = function(t, k) n = n + 1 return t[k] end
try("__index", function() return idx.x end)

local newidx = setmetatable({}, {})
getmetatable(newidx).__newindex = function(t, k, v) n = n + 1 t[k] = v end
try("__newindex", function() newidx.x = 1 end)

local arith = setmetatable({}, {})
getmetatable(arith).__add = function(a, b) n = n + 1 return a + b end
try("__add", function() return arith + 1 end)

local unm = setmetatable({}, {})
getmetatable(unm).__unm = function(a) n = n + 1 return -a end
try("__unm", function() return -unm end)

local cat = setmetatable({}, {})
getmetatable(cat).__concat = function(a, b) n = n + 1 return a .. b end
try("__concat", function() return cat .. "x" end)

local lt = setmetatable({}, {})
getmetatable(lt).__lt = function(a, b) n = n + 1 return a < b end
try("__lt", function() return lt < lt end)

-- Calling through a local, not a tail call.
local called = setmetatable({}, {})
getmetatable(called).__index = function(t, k) n = n + 1 local v = t[k] return v end
try("__index local", function() return called.x end)

-- The count is given back after each error: the same depth is reached again.
try("__index again", function() return idx.x end)

-- Lua frames in between do not count; metamethods under deep Lua recursion still do.
local function deep(k) if k == 0 then return idx.x end return 1 + deep(k - 1) end
try("deep", function() return deep(100) end)

-- pcall nests C calls too.
local function nest() n = n + 1 return pcall(nest) end
n = 0
local results = { nest() }
print("pcall", #results, results[#results], n)

-- Inside a coroutine.
local co = coroutine.create(function() n = 0 return idx.x end)
print("coroutine", coroutine.resume(co))
print(n)

-- Past the error, metamethods work as before.
local ok = setmetatable({}, { __index = function(t, k) return k .. "!" end })
print(ok.fine)
