-- expect: fuel
local pong
local function ping(n) return pong(n + 1) end
function pong(n) return ping(n + 1) end
ping(0)
