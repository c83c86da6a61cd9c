local t = {}
print(1e308 * 10, -1e308 * 10, 0/0 ~= 0/0, 1/0, -(0), 0 * -1, 2^53, 0.1, 1/3, 1e15, 123456789012345)
print(- -1, -(2^2), 7 % 3, -7 % 3, 7 % -3, 5 % 0, 1 / 0 > 0, 0x10, 0xff, 1e-300 * 1e-300)
print("esc\a\b\f\n\r\t\v\\\"'\0\1\127\128\255 end", 'x\65y')
print(#"abc", not nil, not 1, not not t, -"2", 10 .. 20)
local a, b, c = true, false, nil
t[true] = false; t[1] = nil; t.x = 1.5; t["y z"] = -0
