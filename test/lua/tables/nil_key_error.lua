-- Assigning with a nil or NaN key is an error; reading is nil
local t = {}
print(t[nil])
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(t[0/0])
print(pcall(rawset, t, nil, 1))
