-- Tracebacks and getinfo through library functions that call Lua code (db_errorfb lists C
-- levels as `[C]: in function 'name'`, named from the calling instruction, else `[C]: ?`).
local function show(...) print((select(1, ...))) end
local function f() print(debug.traceback("tb")) end
pcall(f)
local function g() pcall(f) end
g()
print(xpcall(function() error("boom") end, debug.traceback))
local function h() local x = nil; return x.y end
print(xpcall(h, debug.traceback))
table.sort({3,2,1}, function(a, b) if a == 3 and b == 1 then print(debug.traceback("s")) end return a < b end)
local s = ("ab"):gsub("a", function() print(debug.traceback("g")) end)
local mt = {__tostring = function() print(debug.traceback("ts")) return "T" end}
print(tostring(setmetatable({}, mt)))
print(setmetatable({}, mt))
local co = coroutine.wrap(function() print(debug.traceback("co")) end)
co()
print(pcall(pcall, error, "e"))
local function lv() for i = 1, 5 do local info = debug.getinfo(i, "Sln") if not info then print(i, "nil") break end print(i, info.what, info.short_src, info.currentline, info.name, info.namewhat) end end
pcall(lv)
-- Levels through foreachi, load's reader, nested pcall and a coroutine.
table.foreachi({1}, function() print(debug.traceback("fe")) end)
local n = 0
load(function() n = n + 1 if n == 1 then print(debug.traceback("rd")) return "return" end end)
pcall(pcall, function() print(debug.traceback("pp")) end)
local co2 = coroutine.create(function() print(debug.traceback("in co")) print(debug.getinfo(2)) end)
coroutine.resume(co2)
print(pcall(pcall, error, "e", 3))
