-- debug.getinfo (ldblib.c db_getinfo): currentline, short_src, what, linedefined of levels
-- and functions.
local function where()
  local i = debug.getinfo(2, "Sl")
  return i.short_src .. ":" .. i.currentline .. " " .. i.what
end
print(where())
local function f()
  print(where())
  local me = debug.getinfo(1, "S")
  print(me.what, me.linedefined, me.short_src)
end
f()
print(debug.getinfo(print).what)
print(debug.getinfo(100))
print(type(debug.getregistry()))
local t = setmetatable({}, { __index = function() return 1 end })
print(type(debug.getmetatable(t)))
