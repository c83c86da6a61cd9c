-- methods: object-oriented code through metatables. Point.new builds an
-- instance with setmetatable; p:add(q), p:scale(k), p:dot(q) are method calls
-- resolved through __index = Point (a metatable lookup on every call), and
-- each add/scale allocates a new instance.
local n = (arg and arg[1] == "quick") and 60000 or 1800000

local Point = {}
Point.__index = Point

function Point.new(x, y)
  return setmetatable({ x = x, y = y }, Point)
end

function Point:add(other)
  return Point.new(self.x + other.x, self.y + other.y)
end

function Point:scale(k)
  return Point.new(self.x * k, self.y * k)
end

function Point:dot(other)
  return self.x * other.x + self.y * other.y
end

function Point:wrap(limit)
  if self.x > limit then self.x = self.x - 2 * limit end
  if self.y > limit then self.y = self.y - 2 * limit end
  return self
end

local acc = Point.new(0, 0)
local step = Point.new(3, -2)
local dots = 0
for i = 1, n do
  local q = Point.new(i % 13, i % 11)
  acc = acc:add(q):add(step:scale(i % 3)):wrap(1000)
  dots = (dots + acc:dot(q)) % 1000003
end
print(string.format("acc = (%d, %d)  dots = %d", acc.x, acc.y, dots))
