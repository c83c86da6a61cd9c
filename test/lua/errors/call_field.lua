local t = {}
print(pcall(function() return t.missing() end))
print(pcall(function() return t.sub.missing() end))
