-- A local is visible from after its declaration to the end of its block (§2.6)
local x = 1
do
  local x = 2
  print(x)
  do
    local x = 3
    print(x)
  end
  print(x)
end
print(x)
