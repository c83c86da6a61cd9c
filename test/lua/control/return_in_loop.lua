-- return from inside nested loops
local function find(t, x)
  for i, row in ipairs(t) do
    for j, v in ipairs(row) do
      if v == x then return i, j end
    end
  end
  return nil
end
print(find({{1, 2}, {3, 4}}, 4))
print(find({{1}}, 9))
