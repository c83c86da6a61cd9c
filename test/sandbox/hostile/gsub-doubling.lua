-- expect: memory fuel
local s = "xx"
while true do s = s:gsub(".", "%0%0") end
