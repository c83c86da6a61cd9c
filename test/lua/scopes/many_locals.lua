-- 200 locals in one function is allowed
local a1,a2,a3,a4,a5,a6,a7,a8,a9,a10 = 1,2,3,4,5,6,7,8,9,10
local b1,b2,b3,b4,b5,b6,b7,b8,b9,b10 = 11,12,13,14,15,16,17,18,19,20
print(a1 + a10 + b1 + b10)
local function f()
  local c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18,c19,c20
  c20 = 20
  return c1, c20
end
print(f())
