-- Matrix multiplication and printing with string.format
local function mul(a, b)
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return r
end
local a = {{1, 2}, {3, 4}}
local b = {{0.5, -1}, {2, 0}}
local c = mul(a, b)
for _, row in ipairs(c) do print(string.format("%6.2f %6.2f", row[1], row[2])) end
local id = mul(a, {{1, 0}, {0, 1}})
print(id[1][1], id[1][2], id[2][1], id[2][2])
