-- tostring of each basic type
print(tostring(nil), tostring(true), tostring(false), tostring(12), tostring(1.5), tostring("s"))
print(tostring({}):sub(1, 7), tostring(print):sub(1, 10), tostring(io.stdout):sub(1, 6))
print(pcall(tostring))
print(tostring(1e15), tostring(-1e-15), tostring(2^63))
