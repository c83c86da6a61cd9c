-- Iterating varargs with select, including nils
local function show(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
  return table.concat(parts, ",")
end
print(show(1, nil, "x", false, nil))
print(show())
