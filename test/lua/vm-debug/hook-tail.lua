-- Return hooks after tail calls: "return" then one "tail return" per tail call that entered
-- the returning function (ldo.c callrethooks).
local function leaf(n) return n * 2 end
local function mid(n) return leaf(n + 1) end
local function top(n) return mid(n + 1) end

debug.sethook(function(ev)
  local info = debug.getinfo(2, "S")
  io.write(ev, " ", info.what, " ", info.linedefined, "\n")
end, "cr")
local r = top(1)
debug.sethook()
print(r)
