-- Utilities over varargs: pack, map, reverse
local function pack(...) return {n = select("#", ...), ...} end
local function map(f, ...)
  local t = pack(...)
  for i = 1, t.n do t[i] = f(t[i]) end
  return unpack(t, 1, t.n)
end
local function reverse(...)
  local t = pack(...)
  local r = {}
  for i = t.n, 1, -1 do r[#r + 1] = t[i] end
  return unpack(r, 1, t.n)
end
print(map(function(x) return x and x * 2 end, 1, 2, nil, 4))
print(reverse(1, 2, 3))
print(select("#", reverse()))
