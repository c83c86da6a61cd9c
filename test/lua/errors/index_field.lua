local t = {}
print(pcall(function() return t.a.b end))
print(pcall(function() return t["key"].b end))
print(pcall(function() t.a.b = 1 end))
