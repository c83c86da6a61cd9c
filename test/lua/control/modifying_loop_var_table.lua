-- Changing a table while iterating with ipairs over it
local t = {1, 2, 3}
local seen = {}
for i, v in ipairs(t) do
  seen[#seen + 1] = v
  if i == 1 then t[4] = 4 end
end
print(table.concat(seen, " "))
