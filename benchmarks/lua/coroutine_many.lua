-- coroutine_many: 10,000 suspended coroutines stepped once per "frame", as game code runs
-- its entities; each keeps its own state in locals across yields.
local frames = (arg and arg[1] == "quick") and 10 or 600
local count = 10000

local entities = {}
for i = 1, count do
  entities[i] = coroutine.create(function(speed)
    local x, hits = 0, 0
    while true do
      x = x + speed
      if x > 100 then
        x = x - 100
        hits = hits + 1
      end
      speed = coroutine.yield(hits)
    end
  end)
end

local total = 0
for frame = 1, frames do
  for i = 1, count do
    local _, hits = coroutine.resume(entities[i], (i + frame) % 9 + 1)
    total = total + hits
  end
end
print(string.format("total = %d", total))
