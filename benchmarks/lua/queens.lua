-- queens: counts all solutions of the N-queens problem by backtracking, with
-- boolean arrays for occupied columns and diagonals. Recursion, integer
-- array indexing and branches.
local quick = arg and arg[1] == "quick"
local n = quick and 8 or 10
local rounds = quick and 5 or 80

local function solve(size)
  local cols, up, down = {}, {}, {}
  for i = 1, 2 * size do cols[i], up[i], down[i] = false, false, false end
  local solutions = 0
  local function place(row)
    if row > size then
      solutions = solutions + 1
      return
    end
    for c = 1, size do
      local u, d = row + c, row - c + size
      if not cols[c] and not up[u] and not down[d] then
        cols[c], up[u], down[d] = true, true, true
        place(row + 1)
        cols[c], up[u], down[d] = false, false, false
      end
    end
  end
  place(1)
  return solutions
end

local total = 0
for _ = 1, rounds do total = total + solve(n) end
print(string.format("%d-queens: %d solutions (x%d = %d)", n, solve(n), rounds, total))
