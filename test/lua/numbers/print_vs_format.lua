-- print uses %.14g; string.format("%.17g") shows the full double
for _, v in ipairs({0.1, 1/3, 2^53 + 2, 123456789.123, 1e21}) do
  print(v, string.format("%.17g", v))
end
