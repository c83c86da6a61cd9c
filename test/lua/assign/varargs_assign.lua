-- `...` as the last value expands; elsewhere one value
local function f(...)
  local a, b, c = ...
  local d, e = ..., "last"
  return a, b, c, d, e
end
print(f(1, 2, 3))
print(f())
