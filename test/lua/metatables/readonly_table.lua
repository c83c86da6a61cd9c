-- A read-only proxy built from __index and __newindex
local function readonly(t)
  return setmetatable({}, {
    __index = t,
    __newindex = function() error("attempt to update a read-only table", 2) end,
  })
end
local days = readonly({"Sunday", "Monday"})
print(days[1], days[2])
print(pcall(function() days[3] = "x" end))
