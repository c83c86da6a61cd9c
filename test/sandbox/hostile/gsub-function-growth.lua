-- expect: memory
-- gsub whose function returns a large string for every byte: one call would make 100 MB.
local s, big = ("x"):rep(1000), ("y"):rep(1e5)
while true do s = s:gsub("x", function() return big end) end
