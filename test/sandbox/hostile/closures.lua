-- expect: memory
local all = {}
while true do all[#all + 1] = function() return all end end
