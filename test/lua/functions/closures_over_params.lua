-- Parameters can be captured and modified
local function acc(total)
  return function(x) total = total + x; return total end
end
local a = acc(100)
print(a(1), a(10), a(100))
