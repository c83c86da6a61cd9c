-- The condition of repeat-until can see locals declared in the body (§2.4.4)
local i = 0
repeat
  local done = i >= 3
  i = i + 1
until done
print(i)
