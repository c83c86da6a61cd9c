-- Method syntax on string values and numbers converted to strings
local n = 42
print(("%d"):format(n), ("x"):upper(), #("abc"):rep(2))
print(string.len(123), string.upper(12.5), string.rep(1, 3))
print(pcall(function() return (42):len() end))
