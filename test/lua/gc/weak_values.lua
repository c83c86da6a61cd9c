-- Weak values (manual §2.10.2, __mode "v" and "kv"): entries whose value is unreachable are
-- removed by a full collection, array part included; `#` and next work on what is left.
collectgarbage("stop") -- no automatic cycle before the explicit one
local objects = setmetatable({}, {__mode = "v"})
local both = setmetatable({}, {__mode = "kv"})
local anchor = {"anchor"}
local function fill()
  for i = 1, 10 do objects[i] = (i % 3 == 0) and anchor or {i} end
  objects.a = {}
  objects.b = anchor
  objects.s = "string"
  objects[{}] = anchor
  objects[{}] = {}
  both[{}] = anchor
  both[anchor] = {}
  both[anchor] = nil
  both.x = anchor
  both[1] = {}
  both[anchor] = anchor
end
fill()
local function dump(t)
  local list = {}
  for k, v in pairs(t) do
    local ks = type(k) == "table" and (k == anchor and "anchor" or "table") or tostring(k)
    local vs = type(v) == "table" and (v == anchor and "anchor" or "table") or tostring(v)
    list[#list + 1] = ks .. "=" .. vs
  end
  table.sort(list)
  return table.concat(list, " ")
end
print(dump(objects))
print(dump(both))
collectgarbage("collect")
print(dump(objects))
print(dump(both))
print(objects[3] == anchor, objects[1], rawget(objects, 6) == anchor)
-- weakness follows __mode at collection time: a table whose metatable lost __mode is strong
local mt = {__mode = "v"}
local t = setmetatable({}, mt)
local function fill2() t[1] = {} t[2] = {} end
fill2()
mt.__mode = nil
collectgarbage()
print("after __mode removed", #t)
mt.__mode = "v"
collectgarbage()
print("after __mode restored", next(t))
