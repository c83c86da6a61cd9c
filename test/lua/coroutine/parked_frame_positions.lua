-- Coroutines taking turns: each one's frame positions (the call sites of its frames, which
-- error levels and tracebacks read) are parked while another runs and restored at its next
-- resume (runtime coroutine/thread.ts: one frame deep in the thread itself, deeper in an
-- array). Errors raised after many turns must still name the right lines.

local function deep(n)
  coroutine.yield(n)
  if n == 3 then error("deep failure", 2) end -- blames the caller's line
  return n
end

local function body(n)
  for round = 1, 3 do
    if n % 2 == 0 then
      coroutine.yield(round) -- one frame deep
    else
      deep(round) -- two frames deep
    end
  end
  error("body failure " .. n) -- this line
end

local cos = {}
for i = 1, 4 do cos[i] = coroutine.create(body) end
for turn = 1, 5 do
  for i = 1, 4 do
    local ok, v = coroutine.resume(cos[i], i)
    print(turn, i, ok, v)
  end
end

-- A traceback taken inside a coroutine after other coroutines ran.
local a = coroutine.wrap(function()
  coroutine.yield()
  local ok, tb = xpcall(function() error("x") end, debug.traceback)
  print(ok, tb)
  local _, msg = pcall(error, "level two", 2)
  print(msg)
end)
local b = coroutine.wrap(function() coroutine.yield() coroutine.yield() end)
a()
b()
b()
a()
