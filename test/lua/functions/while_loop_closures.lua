-- Locals inside repeat and while loops are fresh per iteration
local fns = {}
local i = 0
repeat
  i = i + 1
  local captured = i
  fns[#fns + 1] = function() return captured end
until i == 3
print(fns[1](), fns[2](), fns[3]())
