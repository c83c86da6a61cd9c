local function f(...) return ... end
local x =
  5
local t = {
  1, 2,
  f(3),
  k = x,
  [x + 1] =
    "six",
}
print(
  x,
  t[1]
    + t[2],
  f(x)
)
local s = [[
long
string]] .. x
print(s, f
  "str", f{
  1 })
local y = x
  and t
  or nil
if x >
  1 then
  print("big")
elseif
  x < 0
then
  print("neg")
else
  print("zero")
end
while
  x > 0
do
  x = x - 1
end
for i =
  1,
  3
do
  print(i)
end
for k,
  v in
  pairs(t) do print(k, v) end
local obj = { n = 0 }
function obj:inc(
  d)
  self.n = self.n + (d or 1)
  return self
end
obj:inc(1)
   :inc(2)
print(obj.n, "a\
b")
repeat
  x = x + 1
until
  x >= 3
do local z = 1; local w = function() return z end end
return x,
  y
