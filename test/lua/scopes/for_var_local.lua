-- The loop variable is local to the loop body; changing it does not affect iteration
for i = 1, 3 do
  local j = i
  i = i * 10
  print(j, i)
end
print(i)
local t = {}
for k, v in ipairs({"a", "b"}) do
  k = k .. "!"
  t[#t + 1] = k .. v
end
print(t[1], t[2])
