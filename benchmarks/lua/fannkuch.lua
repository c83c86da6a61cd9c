-- fannkuch: pancake flipping over every permutation of 1..n (generated in
-- the counting order), reporting the maximum flip count and a signed
-- checksum. Small integer arrays, copying and in-place reversal.
local n = (arg and arg[1] == "quick") and 8 or 9

local function fannkuch(size)
  local perm, work, counts = {}, {}, {}
  for i = 1, size do perm[i] = i end
  local max_flips, checksum, sign = 0, 0, 1
  local r = size
  while true do
    -- count flips of this permutation
    for i = 1, size do work[i] = perm[i] end
    local flips = 0
    local first = work[1]
    while first ~= 1 do
      local lo, hi = 1, first
      while lo < hi do
        work[lo], work[hi] = work[hi], work[lo]
        lo, hi = lo + 1, hi - 1
      end
      flips = flips + 1
      first = work[1]
    end
    if flips > max_flips then max_flips = flips end
    checksum = checksum + sign * flips
    sign = -sign

    -- next permutation: rotate prefixes, like an odometer
    while r ~= 1 do counts[r] = r; r = r - 1 end
    while true do
      if r == size then return max_flips, checksum end
      local head = perm[1]
      for i = 1, r do perm[i] = perm[i + 1] end
      perm[r + 1] = head
      counts[r + 1] = counts[r + 1] - 1
      if counts[r + 1] > 0 then break end
      r = r + 1
    end
  end
end

local max_flips, checksum
for _ = 1, 3 do max_flips, checksum = fannkuch(n) end
print(string.format("%d\nPfannkuchen(%d) = %d", checksum, n, max_flips))
