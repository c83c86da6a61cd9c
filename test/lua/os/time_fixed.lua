-- os.time with a table (local time); only whole-day differences at noon are printed
local t1 = os.time({year = 2020, month = 1, day = 1, hour = 12})
local t2 = os.time({year = 2020, month = 1, day = 2, hour = 12})
print(t2 - t1)
local t3 = os.time({year = 2020, month = 3, day = 1, hour = 12})
print((t3 - t1) / 86400)
print(pcall(os.time, {year = 2020}))
