-- The first operand's metamethod is tried first, then the second's
local A = setmetatable({}, {__add = function(x, y) return "A's add" end})
local B = setmetatable({}, {__add = function(x, y) return "B's add" end})
print(A + B, B + A, A + 1, 1 + B, "s" + A)
local args = setmetatable({}, {__sub = function(x, y) return type(x) .. "-" .. type(y) end})
print(args - 1, 1 - args)
