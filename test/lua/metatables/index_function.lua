-- __index as a function receives the table and the key
local calls = {}
local t = setmetatable({present = 1}, {__index = function(tbl, k)
  calls[#calls + 1] = tostring(k)
  return k == "x" and "computed" or nil
end})
print(t.present, t.x, t.y, t[1])
print(table.concat(calls, ","))
