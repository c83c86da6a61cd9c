-- In a chain, numbers and strings are joined first, then __concat sees the partial result
local mt = {__concat = function(a, b)
  local sa = type(a) == "table" and "<T>" or a
  local sb = type(b) == "table" and "<T>" or b
  return "(" .. sa .. "|" .. sb .. ")"
end}
local t = setmetatable({}, mt)
print("a" .. "b" .. t .. "c" .. "d")
print(t .. 1 .. 2)
