-- The state after a caught error is usable
local t = {}
for i = 1, 3 do
  local ok, e = pcall(function() if i == 2 then error("bad " .. i, 0) end return i end)
  t[#t + 1] = tostring(ok) .. ":" .. tostring(e)
end
print(table.concat(t, " "))
