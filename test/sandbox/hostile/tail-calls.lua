-- expect: fuel
-- A goto-less jump: endless proper tail calls never grow the stack.
local function jump() return jump() end
return jump()
