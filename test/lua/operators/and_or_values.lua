-- and/or return one of their operands; only nil and false are false
print(nil and 1, false and 1, 0 and 1, "" and 2)
print(nil or 1, false or nil, 0 or 1, nil or false)
print(1 and nil, false or false)
print(1 and 2 or 3, nil and 2 or 3, false or nil and 1)
local x = nil
print(x and x.field or "default")
