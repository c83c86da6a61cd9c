-- A stateless iterator and a closure iterator (§2.4.5)
local function iter(limit, i)
  if i < limit then return i + 1, (i + 1) * (i + 1) end
end
for i, sq in iter, 4, 0 do print(i, sq) end
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
local s = 0
for i in range(100) do s = s + i end
print(s)
