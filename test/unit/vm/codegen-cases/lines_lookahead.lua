local t = { a
  .b, c
  = 1, d
  , [e
  ] = f(
  g) }
local s = "a\
b\
c" .. t
local u = [==[
x]==]
  .. s; local v = -
  u
local w = not
 v
x = function(
  a)
  return a
end
local y = #
  t
print(#
t, -
 1, f
 [[
 long]], t
 :m
 "x")
for i
 = 1, 2 do end
local function g
(a) end
local z = { f(), ... }
local q = {
  ...
}
