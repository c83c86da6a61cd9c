-- os.date with a fixed time and the "!" (UTC) prefix
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!%Y-%m-%d", 86400 * 365))
local t = os.date("!*t", 3600)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
print(os.date("!%A %B %j %w", 0))
