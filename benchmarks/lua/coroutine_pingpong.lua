-- coroutine_pingpong: a generator ping-pong. One coroutine yields a value per resume and the
-- main loop resumes it and sends a value back: the cost of resume/yield itself.
local n = (arg and arg[1] == "quick") and 200000 or 15000000

local gen = coroutine.create(function(x)
  local acc = 0
  while true do
    acc = (acc + x) % 1000003
    x = coroutine.yield(acc)
  end
end)

local sum = 0
for i = 1, n do
  local _, v = coroutine.resume(gen, i % 7)
  sum = (sum + v) % 1000003
end
print(string.format("sum = %d", sum))
