-- An error inside a coroutine.wrap propagates to the caller
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  error("generator failed")
end)
print(gen())
gen()
