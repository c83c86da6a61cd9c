-- true and false are distinct keys
local t = {[true] = "yes", [false] = "no"}
print(t[true], t[false], t[1 == 1], t[1 == 2])
t[true] = nil
print(t[true], t[false])
