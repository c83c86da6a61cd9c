-- pcall and xpcall nested until the C stack overflows, inside a coroutine: the error is
-- pcall's own, without a Lua position (as in the main thread, stack/c_stack_overflow.lua)
local co = coroutine.wrap(function()
  local n = 0
  local function nest() n = n + 1 return pcall(nest) end
  local results = { nest() }
  print("pcall", #results, results[#results], n)
  n = 0
  local function xnest() n = n + 1 return xpcall(xnest, function(m) return "handled: " .. m end) end
  results = { xnest() }
  print("xpcall", #results, results[#results], n)
  return "done"
end)
print(co())
