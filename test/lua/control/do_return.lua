-- `do return end` allows an early return in the middle of a block
local function f(x)
  do return "early" end
  return "late"
end
print(f())
print("main chunk continues")
do return end
print("not reached")
