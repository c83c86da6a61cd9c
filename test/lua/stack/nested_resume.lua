-- Nested resumes count as C calls: past LUAI_MAXCCALLS (200) resume fails with
-- `C stack overflow` (lua_resume), and the chain unwinds normally.
local deepest = 0
local function nest(n)
  deepest = n
  local co = coroutine.create(function() return nest(n + 1) end)
  local ok, e = coroutine.resume(co)
  if not ok then return "failed at " .. n .. ": " .. e end
  return e
end
print(nest(1))
print(deepest > 150)
