-- Runtime errors are strings with position information
local ok, e = pcall(function() local a; a() end)
print(type(e), e)
