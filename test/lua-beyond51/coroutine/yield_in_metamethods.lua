-- Yields inside metamethods written in Lua (beyond 5.1: Lua 5.2+ and LuaJIT resume through
-- them; lua5.1 refuses with "attempt to yield across metamethod/C-call boundary"): __index,
-- __newindex, arithmetic, concatenation, comparisons (<= through __lt too), equality, unary minus.
local log = {}
local proxy = setmetatable({}, {
  __index = function(t, k) local v = coroutine.yield("index " .. k) return v end,
  __newindex = function(t, k, v) coroutine.yield("newindex " .. k) rawset(t, k, v) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __le = function(a, b) return coroutine.yield("le") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __unm = function(a) return coroutine.yield("unm") end,
  __len = function(a) return coroutine.yield("len") end,
})
local other = setmetatable({}, getmetatable(proxy))
local co = coroutine.create(function()
  local x = proxy.foo
  print("got", x)
  proxy.bar = 5
  print("bar", rawget(proxy, "bar"))
  print("add", proxy + 1)
  print("concat", proxy .. "s")
  print("lt", proxy < other)
  print("le", proxy <= other)
  print("eq", proxy == other)
  print("unm", -proxy)
  return "done"
end)
local answers = { "FOO", nil, 42, "cat", false, 1, true, -7 }
local i = 0
while true do
  local ok, v = coroutine.resume(co, answers[i])
  print("resume", ok, v)
  if coroutine.status(co) == "dead" then break end
  i = i + 1
end
-- __lt used for <= when there is no __le
local only = setmetatable({}, { __lt = function(a, b) return coroutine.yield("lt2") end })
local co2 = coroutine.wrap(function() return only <= setmetatable({}, getmetatable(only)) end)
print(co2())
print(co2(true))
