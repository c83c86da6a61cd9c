-- A count hook counts every instruction of an arithmetic chain (lua5.1's luaG_traceexec), though
-- the VM runs such pairs fused (vm/src/interpreter/fuse.ts), and counts each instruction once in
-- a function that starts running while the hook is set (its frame runs the hooked interpreter).
local counted = 0
local function work()
  local x = 0
  for i = 1, 50 do x = x + i * 2 - i / 4 end
  return x
end
debug.sethook(function() counted = counted + 1 end, "", 1)
local r = work()
debug.sethook()
print(r, counted)

-- The same loop in the chunk that set the hook (a frame that was running already).
counted = 0
debug.sethook(function() counted = counted + 1 end, "", 1)
local x = 0
for i = 1, 50 do x = x + i * 2 - i / 4 end
debug.sethook()
print(x, counted)

-- Every 7th instruction.
counted = 0
debug.sethook(function() counted = counted + 1 end, "", 7)
r = work() + work()
debug.sethook()
print(r, counted)
