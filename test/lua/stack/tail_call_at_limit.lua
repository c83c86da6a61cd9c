-- lua5.1 enters a tail-called function before it drops the caller (luaD_precall, then
-- OP_TAILCALL), so when recursion reaches the depth limit at a tail call, the overflow is
-- reported at the tail call's line
local function ack(m, n)
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(pcall(ack, 2, 3))
local function down(n)
  if n % 2 == 0 then return down(n + 1) end
  local r = down(n + 1)
  return r
end
print(pcall(down, 0))
local function odd(n)
  if n % 2 == 1 then return odd(n + 1) end
  local r = odd(n + 1)
  return r
end
print(pcall(odd, 0))
