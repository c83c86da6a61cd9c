-- string.dump of compiled (or VM) functions: the same bytes as lua5.1, and they load back.
local function hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

local up = 5
local function f(a, b) local c = a + b * up return c, "x" .. a end
local g = function(...) return select("#", ...) end
local t = { n = 0 }
function t:inc(k) self.n = self.n + (k or 1) return self end
function t.twice(x) return x * 2 end

for _, fn in ipairs({ f, g, t.inc, t.twice }) do
  local chunk = string.dump(fn)
  print(#chunk, hex(chunk))
end

-- closures made in a loop: each dumps the same function
local fs = {}
for i = 1, 3 do
  fs[i] = function() return i * 2 end
end
print(string.dump(fs[1]) == string.dump(fs[3]), hex(string.dump(fs[2])))

-- nested functions, and a function defined inside a function
local function outer()
  local function inner(x)
    return function(y) return x + y end
  end
  return inner
end
print(hex(string.dump(outer)))
print(hex(string.dump(outer())))
print(hex(string.dump(outer()(1))))

-- dumped functions load back and run (upvalues start as nil)
print(loadstring(string.dump(g))(1, 2, 3))
print(loadstring(string.dump(t.twice))(21))
print(pcall(loadstring(string.dump(f)), 1, 2))
local obj = { n = 1 }
print(loadstring(string.dump(t.inc))(obj, 4).n)

-- a chunk from loadstring, and a dump of a dump
local m = loadstring("local x = ... return x * 3", "=chunk")
print(hex(string.dump(m)))
local again = loadstring(string.dump(m))
print(again(7), string.dump(again) == string.dump(m))

-- inside a coroutine
local co = coroutine.wrap(function()
  local h = function(a) return a .. "!" end
  coroutine.yield(string.dump(h))
  return hex(string.dump(h))
end)
print(loadstring(co())("hi"))
print(co())

-- functions without bytecode
print(pcall(string.dump, print))
print(pcall(string.dump, string.dump))
print(pcall(string.dump, coroutine.wrap(function() end)))
print(pcall(string.dump))
print(pcall(string.dump, 1))
print(pcall(string.dump, {}))
