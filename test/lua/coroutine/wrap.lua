-- coroutine.wrap as a generator
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local out = {}
for v in gen(5) do out[#out + 1] = v end
print(table.concat(out, " "))
local w = coroutine.wrap(function() error("inside wrap") end)
print(pcall(w))
