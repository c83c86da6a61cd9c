-- An error inside the handler gives an error in error handling
print(xpcall(function() error("first") end, function() error("second") end))
print(xpcall(error, function(m) return m end))
