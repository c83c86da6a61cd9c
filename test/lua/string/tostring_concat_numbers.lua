-- Numbers convert to strings for string functions (%.14g)
print(string.sub(12345, 2, 3), string.len(1/3), string.byte(10, 1, 2))
print(("x"):rep(2) .. 3.0, 2^63 .. "")
