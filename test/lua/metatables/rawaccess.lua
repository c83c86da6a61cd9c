-- rawget/rawset/rawequal bypass metamethods
local t = setmetatable({}, {
  __index = function() return "meta" end,
  __newindex = function() error("no writes") end,
  __eq = function() return true end,
})
print(t.x, rawget(t, "x"))
rawset(t, "x", 1)
print(t.x)
local u = setmetatable({}, getmetatable(t))
print(t == u, rawequal(t, u), rawequal(t, t))
