-- NaN: lua5.1 prints C's spelling of the NaN it got (sign included)
local nan = 0/0
print(nan ~= nan, type(nan))
print(0/0)
print(-(0/0))
print(math.huge - math.huge)
print(tostring(0/0) == tostring(0/0))
