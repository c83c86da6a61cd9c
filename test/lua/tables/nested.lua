-- Tables of tables
local grid = {}
for i = 1, 3 do
  grid[i] = {}
  for j = 1, 3 do grid[i][j] = i * j end
end
for i = 1, 3 do print(table.concat(grid[i], " ")) end
local deep = {a = {b = {c = {d = "deep"}}}}
print(deep.a.b.c.d)
