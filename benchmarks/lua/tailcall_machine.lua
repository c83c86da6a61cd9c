-- tailcall_machine: a state machine whose states are functions that tail-call each other
-- (proper tail calls, §2.5.8): millions of transitions in constant stack.
local n = (arg and arg[1] == "quick") and 300000 or 20000000

local a, b, c, d
function a(i, acc)
  if i == 0 then return acc end
  if i % 2 == 0 then return b(i - 1, acc + 1) end
  return c(i - 1, acc + 3)
end
function b(i, acc) return d(i, (acc * 3) % 1000003) end
function c(i, acc)
  if acc % 5 == 0 then return a(i, acc + 7) end
  return d(i, acc)
end
function d(i, acc) return a(i, acc % 1000003) end

print(string.format("result = %d", a(n, 0)))
