-- __concat for tables on either side
local mt = {__concat = function(a, b)
  local function s(v) return type(v) == "table" and v.name or tostring(v) end
  return s(a) .. "+" .. s(b)
end}
local t = setmetatable({name = "T"}, mt)
print(t .. "x", "x" .. t, 1 .. t, t .. t)
print("a" .. "b" .. t)
print(t .. "a" .. "b")
