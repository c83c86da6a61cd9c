-- Calling a non-function iterator is an error
print(pcall(function() for x in 1 do end end))
print(pcall(function() for x in {} do end end))
print(pcall(function() local t = {} for k in t do end end))
