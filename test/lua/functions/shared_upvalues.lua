-- Closures created in the same scope share the same upvalue
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
set(10)
print(get())
set(20)
print(get())
