-- Any value except nil (and NaN) can be a key
local t = {}
local f = function() end
local k = {}
t[1] = "number"; t["1"] = "string"; t[true] = "true"; t[false] = "false"
t[f] = "function"; t[k] = "table"; t[1.5] = "float"; t[-1] = "negative"
print(t[1], t["1"], t[true], t[false], t[f], t[k], t[1.5], t[-1])
print(t[{}], t[2], t[0])
