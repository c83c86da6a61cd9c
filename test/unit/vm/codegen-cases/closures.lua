local a, b = 1, 2
local function outer(x)
  local y = x
  return function(z)
    a = a + y
    return function() return a, b, y, z, x end
  end
end
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
for k, v in pairs({ 1 }) do fs[k] = function() return k, v end end
local i = 0
while i < 3 do
  local j = i
  fs[#fs + 1] = function() return j end
  if j == 1 then break end
  i = i + 1
end
repeat
  local r = i
  fs[#fs + 1] = function() return r end
  i = i - 1
until r < 0
repeat local q = 1; if q then break end until false
do
  local d = 5
  fs.d = function() d = d + 1; return d end
end
print(outer(1)(2)(), fs[1](), fs.d())
