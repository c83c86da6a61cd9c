-- Concatenation converts numbers with %.14g
print("a" .. "b", 1 .. 2, 1.5 .. "", 0.1 .. "", (1/3) .. "")
print(2^53 .. "", 1e15 .. "", 1e16 .. "", 1e14 .. "")
print(100 .. "", 100.0 .. "", 1e100 .. "")
print("x" .. 1 / 0, "x" .. -1 / 0)
print(pcall(function() return "a" .. nil end))
print(pcall(function() return "a" .. {} end))
print(pcall(function() return true .. "" end))
