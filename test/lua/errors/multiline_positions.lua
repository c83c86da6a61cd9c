-- Error positions of expressions split over lines: lua5.1 reports a call at the line of its
-- arguments (funcargs), an index at the line of its key, a method lookup at the method name.
local t = {}
local ok, e = pcall(function()
t
.f()
end) print(e)
ok, e = pcall(function() t.g
"x" end) print(e)
ok, e = pcall(function() t:h
{} end) print(e)
ok, e = pcall(function() return t
.a
.b end) print(e)
ok, e = pcall(function() return 1 +
t end) print(e)
ok, e = pcall(function() return t
..
1 end) print(e)
ok, e = pcall(function() return #
t
.z end) print(e)
ok, e = pcall(function() local v = t.q
.w end) print(e)
ok, e = pcall(function() local v = t
[1]
[2] end) print(e)
ok, e = pcall(function() local v = nil
v:m
{} end) print(e)
ok,e = pcall(function() local s = ("x")
:nope() end) print(e)
local function f() error("in f", 2) end
print(pcall(function() f
"x" end))
print(pcall(function() f
{} end))
print(pcall(function() t.u(
f()) end))
print(pcall(function() local x = t
.a1
.a2 end))
local obj = {}
function obj:chain() return self end
print(pcall(function() obj:chain()
  :chain()
  :missing() end))
print(pcall(function() return obj
  :chain()
  .nope
  .deeper end))
