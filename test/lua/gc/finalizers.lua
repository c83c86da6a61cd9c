-- __gc on userdata (manual §2.10.1): newproxy(true) userdata are finalized after they became
-- unreachable, at a full collection, newest first; the finalizer receives a userdata with the
-- same metatable. An error in a finalizer propagates to collectgarbage's caller.
local log = {}
local function make(name)
  local u = newproxy(true)
  local mt = getmetatable(u)
  mt.__gc = function(self)
    log[#log + 1] = name .. ":" .. type(self) .. ":" .. tostring(getmetatable(self) == mt)
  end
  return u
end
local keep = make("kept")
local function garbage() for i = 1, 3 do make("u" .. i) end end
garbage()
collectgarbage()
print(table.concat(log, " "))
log = {}
-- a proxy sharing a metatable shares its finalizer
local function shared()
  local p = newproxy(keep)
  local q = newproxy(p)
  return p ~= q
end
print(shared())
collectgarbage()
print(table.concat(log, " "))
-- no __gc: nothing happens
local function plain() local u = newproxy(true) getmetatable(u).__index = {} end
plain()
collectgarbage()
print(#log)
-- errors in __gc
local function failing()
  local u = newproxy(true)
  getmetatable(u).__gc = function() error("boom in gc") end
end
failing()
print(pcall(collectgarbage))
print(pcall(collectgarbage))
print(keep ~= nil)
