-- debug.sethook call/return/line events on VM code (ldo.c luaD_callhook, lvm.c traceexec):
-- the event names, the line argument, and getinfo(2, ...) of the hooked function.
local function f(a, b)
  local c = a + b
  if c > 2 then
    c = c * 2
  end
  return c
end

local function show(ev, line)
  local info = debug.getinfo(2, "nSl")
  io.write(ev, " ", tostring(line), " ", info.what, " ", tostring(info.name), " ",
    info.short_src, ":", info.currentline, "\n")
end

debug.sethook(show, "crl")
local x = f(1, 2)
local y = f(0, 1)
debug.sethook()
io.write(x, " ", y, "\n")

-- only lines; a loop jumping back fires the line of its body again
debug.sethook(show, "l")
for i = 1, 3 do
  x = x + i
end
debug.sethook()
io.write(x, "\n")

-- only returns
debug.sethook(show, "r")
f(5, 5)
debug.sethook()

-- gethook reports the function, the mask in "crl" order and the count
debug.sethook(show, "lrc", 0)
local h, mask, count = debug.gethook()
debug.sethook()
io.write(tostring(h == show), " ", mask, " ", count, "\n")
print(debug.gethook())
print(pcall(debug.sethook, 1, "l"))
