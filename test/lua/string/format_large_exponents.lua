-- %g/%e of large numbers with many digits: the exact value of the double decides the exponent
-- (1e24 is 999999999999999983222784, so %.17g gives 9.9999999999999998e+23)
local values = { 1e21, 1e22, 1e24, 1e25, 1e27, 1e28, 1e29, 2 ^ 70, 2 ^ 100, 123456789012345678901234567890, 1e300, 5e-324 }
for _, v in ipairs(values) do
  print(string.format("%.17g %.16e %.20g %.3g %.0e %.25g", v, v, v, v, v, v))
end
