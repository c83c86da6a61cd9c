-- A local declared outside the loop is shared by all closures
local fns = {}
local shared = 0
for i = 1, 3 do fns[i] = function() shared = shared + i; return shared end end
print(fns[1](), fns[2](), fns[3]())
