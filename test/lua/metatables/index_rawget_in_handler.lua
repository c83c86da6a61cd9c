-- A __index handler that counts misses and caches values with rawset
local misses = 0
local cache = setmetatable({}, {__index = function(t, k)
  misses = misses + 1
  local v = k * k
  rawset(t, k, v)
  return v
end})
print(cache[4], cache[4], cache[5], misses)
