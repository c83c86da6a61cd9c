-- Numeric comparisons
print(1 < 2, 2 < 1, 1 <= 1, 1 > 1, 2 >= 1, 1 == 1.0, 1 ~= 2)
print(-0 == 0, 0/0 == 0/0, 0/0 ~= 0/0)
local nan = 0/0
print(nan < 1, nan > 1, nan <= nan, nan >= nan)
print(math.huge > 1e308, -math.huge < -1e308)
