-- Functions have type 'function'; tostring starts with 'function: '
print(type(print), type(function() end), type(string.len))
print(tostring(print):sub(1, 10), tostring(function() end):sub(1, 10))
print(tostring(print) == tostring(print))
