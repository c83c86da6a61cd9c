-- A class with many methods (more than V8 keeps in an object's fast mode when they are added
-- one by one): setmetatable keeps the __index table's fields as properties (runtime table.ts
-- keepHashFast). Everything a Lua program does with such a table must behave as before:
-- methods added, replaced and removed after setmetatable, traversal (also while setmetatable
-- runs inside the loop), rawget/rawset, inheritance chains, and many distinct classes.

local Base = {}
Base.__index = Base
for i = 1, 40 do
  Base["m" .. i] = function(self) return self.v * i end
end
function Base.new(v) return setmetatable({ v = v }, Base) end

local o = Base.new(2)
print(o:m1(), o:m17(), o:m40())

-- Methods added, replaced and removed after the table became a class.
for i = 41, 200 do
  Base["m" .. i] = function(self) return -i end
end
print(o:m41(), o:m150(), o:m200())
Base.m17 = function(self) return "replaced" end
Base.m3 = nil
print(o:m17(), o.m3, rawget(Base, "m3"), pcall(function() return o:m3() end))
Base.m3 = function() return "back" end
print(o:m3())

-- Traversal: every live key once, also with setmetatable called during the loop.
local count, seen = 0, {}
for k, v in pairs(Base) do
  count = count + 1
  seen[k] = true
  if k == "m50" then Base.new(5) end
end
print(count, seen.m3, seen.m200, seen.new, seen.__index)

-- An inheritance chain: Derived inherits from Base through its own metatable.
local Derived = setmetatable({}, { __index = Base })
Derived.__index = Derived
for i = 1, 30 do Derived["d" .. i] = function(self) return self.v + i end end
local d = setmetatable({ v = 10 }, Derived)
print(d:d1(), d:d30(), d:m1(), d:m200(), d.missing)

-- Many classes, each with its own method names.
local total = 0
for c = 1, 50 do
  local C = {}
  C.__index = C
  for i = 1, 20 do C["f" .. c .. "_" .. i] = function() return c * i end end
  local obj = setmetatable({}, C)
  total = total + obj["f" .. c .. "_" .. (c % 20 + 1)]()
end
print(total)

-- rawset of new keys and string keys that look like numbers.
rawset(Base, "x", 1)
rawset(Base, "10", "ten")
print(o.x, o["10"], o[10], rawget(Base, "10"))

-- A class whose fields are non-function values, read in a loop.
local Config = setmetatable({}, { __index = { a = 1, b = 2, c = 3 } })
local s = 0
for i = 1, 1000 do s = s + Config.a + Config.b * Config.c end
print(s)
