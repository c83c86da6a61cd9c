-- Producer/consumer with coroutines
local producer = coroutine.create(function()
  for _, item in ipairs({"a", "b", "c"}) do coroutine.yield(item) end
  return "end"
end)
local got = {}
while true do
  local ok, v = coroutine.resume(producer)
  got[#got + 1] = tostring(v)
  if coroutine.status(producer) == "dead" then break end
end
print(table.concat(got, ","))
