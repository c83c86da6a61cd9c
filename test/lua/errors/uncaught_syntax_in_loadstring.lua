-- assert turns loadstring's error result into an error
local f = assert(loadstring("return +", "=expr"))
