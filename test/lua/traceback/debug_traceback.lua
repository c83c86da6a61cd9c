-- debug.traceback (ldblib.c db_errorfb): a message, then `stack traceback:` and one line per
-- Lua level, named as lua5.1 names them (global, local, method, field), main chunk last.
local function show(s) print((s:gsub("\n%s*%[C%]: %?$", ""))) end
show(debug.traceback("hello"))
local function inner() show(debug.traceback("in inner")) end
local function outer() inner() end
outer()
function globalfn() show(debug.traceback()) end
globalfn()
local t = {}
function t.field() show(debug.traceback("field")) end
t.field()
function t:method() show(debug.traceback("method")) end
t:method()
print(debug.traceback({}) ~= nil, type(debug.traceback({})))
