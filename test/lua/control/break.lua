-- break exits the innermost loop
for i = 1, 10 do
  if i > 3 then break end
  io.write(i, " ")
end
print()
local i = 0
while true do i = i + 1; if i == 7 then break end end
print(i)
repeat local x = 1; break until false
print("after repeat")
for _, v in ipairs({1, 2, 3}) do if v == 2 then break end print(v) end
