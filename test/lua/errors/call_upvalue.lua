local notfn = "string"
print(pcall(function() return notfn() end))
