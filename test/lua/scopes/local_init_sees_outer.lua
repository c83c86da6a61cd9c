-- In `local x = x`, the right side refers to the outer x
x = "global"
local x = x .. "+local"
print(x)
do
  local x = x .. "+inner"
  print(x)
end
print(x)
