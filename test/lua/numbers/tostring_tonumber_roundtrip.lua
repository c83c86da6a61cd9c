-- tostring keeps 14 digits, so some values do not round trip
local values = {1, 0.1, 1/3, 2^53, 123.456, 1e100, 1e-100}
for _, v in ipairs(values) do
  print(v, tonumber(tostring(v)) == v)
end
