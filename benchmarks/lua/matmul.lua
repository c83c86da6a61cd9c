-- matmul: dense matrix multiplication with arrays of arrays (row tables).
-- Measures float array reads in the inner loop and row hoisting.
local n = (arg and arg[1] == "quick") and 60 or 300

local function matrix(size, seed)
  local m = {}
  for i = 1, size do
    local row = {}
    for j = 1, size do row[j] = ((i * seed + j * 7) % 17) / 8 - 1 end
    m[i] = row
  end
  return m
end

local function multiply(a, b, size)
  local c = {}
  for i = 1, size do
    local ai, ci = a[i], {}
    for j = 1, size do
      local sum = 0.0
      for k = 1, size do sum = sum + ai[k] * b[k][j] end
      ci[j] = sum
    end
    c[i] = ci
  end
  return c
end

local a, b = matrix(n, 3), matrix(n, 5)
local c = multiply(a, b, n)
c = multiply(c, a, n)
local trace, total = 0.0, 0.0
for i = 1, n do
  trace = trace + c[i][i]
  for j = 1, n do total = total + c[i][j] end
end
print(string.format("n = %d  trace = %.6f  sum = %.6f", n, trace, total))
