-- Breaking out of a loop whose body created closures
local fns = {}
for i = 1, 10 do
  fns[i] = function() return i end
  if i == 3 then break end
end
print(#fns, fns[1](), fns[3]())
