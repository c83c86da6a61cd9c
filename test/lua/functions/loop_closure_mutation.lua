-- Closures capturing a per-iteration local can change it independently
local fns = {}
for i = 1, 3 do
  local x = i * 10
  fns[i] = {get = function() return x end, inc = function() x = x + 1 end}
end
fns[1].inc(); fns[1].inc(); fns[3].inc()
print(fns[1].get(), fns[2].get(), fns[3].get())
