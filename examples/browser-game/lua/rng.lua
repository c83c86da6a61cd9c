-- A deterministic random generator (a 31-bit linear congruential generator), so the game
-- computes the same world under lua5.1 and in the browser from the same seed.
local rng = {}
rng.__index = rng

function rng.new(seed)
  return setmetatable({ state = seed % 2147483647 }, rng)
end

-- Park-Miller "minimal standard": state = state * 16807 mod (2^31 - 1); exact in doubles.
function rng:next()
  self.state = (self.state * 16807) % 2147483647
  return self.state
end

-- An integer in [lo, hi].
function rng:range(lo, hi)
  return lo + self:next() % (hi - lo + 1)
end

return rng
