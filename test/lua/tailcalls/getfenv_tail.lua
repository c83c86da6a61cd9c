-- getfenv/setfenv levels past tail calls (lbaselib.c getfunc): a level lost to a tail call
-- has no function, so lua5.1 raises "no function environment for tail call at level N".
local env = setmetatable({}, { __index = _G })

local function target()
  print(getfenv(1) == _G)
  print(getfenv(3) == _G)
  setfenv(3, env)
  return 1
end
local function relay() return target() end
local function holder()
  local v = relay()
  return v
end
holder()
print(getfenv(holder) == env)
setfenv(holder, _G)

local function deeper()
  print(debug.getinfo(2, "S").what, debug.getinfo(3, "S").what, debug.getinfo(4, "S").what)
  return 2
end
local function a() return deeper() end
local function b() return a() end
local function c() local v = b() return v end
c()

-- Level 2 of a tail-called function is the lost level: an error, uncaught here.
local function victim() return getfenv(2) end
local function tailer() return victim() end
local function outer() local e = tailer() return e end
outer()
