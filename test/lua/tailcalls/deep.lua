-- Proper tail calls (§2.5.8): `return f(args)` does not grow the stack, so a million-deep
-- tail recursion runs (also through methods and varargs).
local function count(n, acc)
  if n == 0 then return acc end
  return count(n - 1, acc + 1)
end
print(count(1000000, 0))

local obj = {}
function obj:down(n)
  if n == 0 then return "done" end
  return self:down(n - 1)
end
print(obj:down(1000000))

local function va(n, ...)
  if n == 0 then return select("#", ...), ... end
  return va(n - 1, ...)
end
print(va(1000000, "a", "b", nil))

-- a tail call inside a deep non-tail recursion
local function inner(n) if n == 0 then return 0 end return inner(n - 1) end
local function outer(n) if n == 0 then return inner(10000) end return 1 + outer(n - 1) end
print(outer(100))
