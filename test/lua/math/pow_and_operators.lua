-- math.pow agrees with ^
for _, p in ipairs({{2, 10}, {2, 0.5}, {10, -2}, {-2, 3}, {0, 0}}) do
  print(p[1], p[2], math.pow(p[1], p[2]) == p[1] ^ p[2], p[1] ^ p[2])
end
