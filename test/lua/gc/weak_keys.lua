-- Weak keys (manual §2.10.2, __mode "k"): after a full collection, entries whose key is an
-- unreachable table, userdata or coroutine are gone; strings, numbers and booleans stay.
-- The garbage is made inside functions that have returned, so no temporary still holds it.
collectgarbage("stop") -- no automatic cycle before the explicit one
local cache = setmetatable({}, {__mode = "k"})
local kept = {}
local function fill()
  cache[{}] = "table"
  cache[newproxy()] = "userdata"
  cache[coroutine.create(function() end)] = "thread"
  cache[kept] = "kept"
  cache.name = {}
  cache[1] = {}
  cache[true] = {}
  cache[2.5] = {}
end
fill()
local function keys(t)
  local list = {}
  for k, v in pairs(t) do list[#list + 1] = type(k) .. "=" .. type(v) end
  table.sort(list)
  return table.concat(list, " ")
end
print(keys(cache))
collectgarbage()
print(keys(cache), cache[kept])
-- a value referring to its own key keeps it in 5.1 (no ephemerons)
local function cycle()
  local k = {}
  cache[k] = {k}
end
cycle()
collectgarbage()
local n = 0
for k in pairs(cache) do if type(k) == "table" and k ~= kept then n = n + 1 end end
print("self-referring entries", n)
-- the table still works as a table afterwards
cache[kept] = nil
print(keys(cache), #cache, cache[1] ~= nil)
