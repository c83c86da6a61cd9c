-- Tail calls in tracebacks (Lua 5.1 §2.5.8, ldebug.c lua_getstack/db_errorfb): a frame entered
-- by k tail calls is followed by k "(tail call): ?" levels and has no name; error levels count
-- those lost levels (luaL_where gives no position for them).
local function show()
  print(debug.traceback("tb", 1))
end

local function leaf() show() return 1 end
local function middle() return leaf() end
local function top() return middle() end
local function caller()
  local v = top()
  return v
end
caller()

-- A tail-recursive countdown: 30 lost levels, cut by db_errorfb to 10 + "..." + 10.
local function countdown(n)
  if n == 0 then show() return 0 end
  return countdown(n - 1)
end
local function start()
  local v = countdown(30)
  return v
end
start()

-- A method tail call and a tail call from the main chunk's callee.
local Obj = {}
function Obj:go() show() return self end
function Obj:run() return self:go() end
Obj:run()

-- error levels past tail calls
local function fail2() error("level 2", 2) end
local function fail3() error("level 3", 3) end
local function via2() return fail2() end
local function via3() return fail3() end
local function outer2() local v = via2() return v end
local function outer3() local v = via3() return v end
print(pcall(outer2))
print(pcall(outer3))
local function plain3() fail3() end
local function outerplain() plain3() end
print(pcall(outerplain))

-- debug.getinfo on a tail-call level
local function inspect()
  local info = debug.getinfo(2, "Slnu")
  print(info.what, info.short_src, info.source, info.currentline, info.linedefined,
    info.lastlinedefined, info.name, info.namewhat, info.nups)
  local f = debug.getinfo(2, "f")
  print(f.func)
  local up = debug.getinfo(3, "Sl")
  print(up.what, up.currentline)
  return 0
end
local function tailInspect() return inspect() end
local function run() local v = tailInspect() return v end
run()

-- An uncaught error through tail calls.
local function boom() error("boom") end
local function relay(n) if n == 0 then return boom() end return relay(n - 1) end
local function main() local v = relay(3) return v end
main()
