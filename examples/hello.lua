-- A small tour of Lua 5.1 that Lunette compiles to JavaScript and runs.
local Point = {}
Point.__index = Point

function Point.new(x, y)
  return setmetatable({ x = x, y = y }, Point)
end

function Point:add(other)
  return Point.new(self.x + other.x, self.y + other.y)
end

function Point.__tostring(p)
  return "(" .. p.x .. ", " .. p.y .. ")"
end

local sum = Point.new(0, 0)
for i = 1, 10 do
  sum = sum:add(Point.new(i, i * i))
end
print("sum of points:", tostring(sum))

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
print("fib(20) =", fib(20))

local ok, err = pcall(function()
  local t = nil
  return t.field
end)
print("caught:", ok, err)
