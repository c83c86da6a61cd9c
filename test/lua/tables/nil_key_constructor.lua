-- A nil key in a constructor is also an error
print(pcall(function() return {[nil] = 1} end))
local ok, err = pcall(function() local k; return {[k] = 1} end)
print(ok, err)
