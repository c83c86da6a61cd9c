-- coroutine_pipeline: producer -> filter -> consumer, each stage a coroutine.wrap generator
-- pulling from the previous one (the classic 5.1 PIL pipeline).
local n = (arg and arg[1] == "quick") and 100000 or 7500000

local function producer()
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
    coroutine.yield(nil)
  end)
end

local function filter(source)
  return coroutine.wrap(function()
    while true do
      local v = source()
      if v == nil then break end
      if v % 3 ~= 0 then coroutine.yield(v * 2) end
    end
    coroutine.yield(nil)
  end)
end

local function map(source)
  return coroutine.wrap(function()
    while true do
      local v = source()
      if v == nil then break end
      coroutine.yield(v % 1000 + 1)
    end
    coroutine.yield(nil)
  end)
end

local count, sum = 0, 0
local stage = map(filter(producer()))
while true do
  local v = stage()
  if v == nil then break end
  count = count + 1
  sum = (sum + v) % 1000003
end
print(string.format("count = %d  sum = %d", count, sum))
