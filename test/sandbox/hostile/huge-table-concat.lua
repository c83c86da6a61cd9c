-- expect: memory
local t, piece = {}, ("x"):rep(1000)
for i = 1, 1000 do t[i] = piece end
local all = {}
for i = 1, 100 do all[i] = table.concat(t) end
