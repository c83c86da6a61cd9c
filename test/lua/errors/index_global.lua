print(pcall(function() return undefinedTable.field end))
