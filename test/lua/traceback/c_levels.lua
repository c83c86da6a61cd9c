-- Library (C) functions are stack levels (ldebug.c lua_getstack counts every CallInfo): error
-- levels, debug.getinfo levels and debug.traceback see pcall, xpcall, table.sort, gsub, tostring,
-- print between Lua frames.
print(pcall(error, "x", 1))
print(pcall(error, "x", 3))
local function f(l) error("lvl", l) end
print(pcall(f, 1))
print(pcall(f, 2))
print(pcall(f, 3))
print(pcall(f, 4))
local function g(l) f(l) end
print(pcall(g, 3))
print(pcall(g, 4))
-- sort comparator
print(pcall(table.sort, {3,1,2}, function(a,b) error("cmp", 2) end))
print(pcall(table.sort, {3,1,2}, function(a,b) error("cmp", 3) end))
print(pcall(function() table.sort({3,1,2}, function(a,b) error("cmp", 3) end) end))
print(pcall(function() table.sort({3,1,2}, function(a,b) error("cmp", 2) end) end))
-- gsub
print(pcall(function() return ("abc"):gsub("b", function() error("gs", 2) end) end))
print(pcall(function() return ("abc"):gsub("b", function() error("gs", 3) end) end))
-- tostring metamethod
local mt = {__tostring = function() error("ts", 2) end}
print(pcall(function() return tostring(setmetatable({}, mt)) end))
local mt3 = {__tostring = function() error("ts", 3) end}
print(pcall(function() return tostring(setmetatable({}, mt3)) end))
-- metamethod from Lua
local mi = setmetatable({}, {__index = function(t, k) error("idx", 2) end})
print(pcall(function() return mi.x end))
local mc = setmetatable({}, {__concat = function(a, b) error("cc", 2) end})
print(pcall(function() return mc .. "x" end))
-- string metamethod
print(pcall(function() return ("x"):nosuch() end))
print(pcall(function() local s = "abc"; return s:rep(-1, 2, 3) end))
-- xpcall
print(xpcall(function() error("xp", 2) end, function(m) return m end))
print(pcall(xpcall, function() error("xp", 3) end, function(m) return m end))
