-- spectral_norm: the spectral norm of the infinite matrix
-- A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), by power iteration with A and its
-- transpose. Float arrays, nested loops, a small function called n^2 times.
local n = (arg and arg[1] == "quick") and 100 or 800

local function entry(i, j)
  local ij = i + j
  return 1.0 / (ij * (ij + 1) / 2 + i + 1)
end

-- out = A * v (indices are 0-based in the formula, 1-based in the arrays)
local function times(out, v)
  for i = 1, n do
    local sum = 0
    for j = 1, n do sum = sum + entry(i - 1, j - 1) * v[j] end
    out[i] = sum
  end
end

-- out = transpose(A) * v
local function times_transposed(out, v)
  for i = 1, n do
    local sum = 0
    for j = 1, n do sum = sum + entry(j - 1, i - 1) * v[j] end
    out[i] = sum
  end
end

local function times_ata(out, v, tmp)
  times(tmp, v)
  times_transposed(out, tmp)
end

local u, v, tmp = {}, {}, {}
for i = 1, n do u[i] = 1 end
for _ = 1, 10 do
  times_ata(v, u, tmp)
  times_ata(u, v, tmp)
end
local vbv, vv = 0, 0
for i = 1, n do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("%0.9f", math.sqrt(vbv / vv)))
