-- tostring of special numbers, compared without depending on the NaN sign
print(tostring(1/0), tostring(-1/0))
local s = tostring(0/0)
print(s == "nan" or s == "-nan")
