-- A proxy table logs every write and keeps values elsewhere
local function tracked(store, log)
  return setmetatable({}, {
    __index = store,
    __newindex = function(_, k, v) log[#log + 1] = tostring(k); store[k] = v end,
  })
end
local store, log = {}, {}
local p = tracked(store, log)
p.a = 1; p.b = 2; p.a = 3
print(p.a, p.b, rawget(p, "a"), table.concat(log, ","))
