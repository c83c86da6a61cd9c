-- Table constructors: positional, named and bracketed fields (§2.5.7)
local t = {1, 2, 3, x = "x", ["y z"] = "yz", [10] = "ten"; "four"}
print(t[1], t[2], t[3], t[4], t.x, t["y z"], t[10], #t)
local e = {}
print(next(e))
local nested = {{1, 2}, {3, {4}}}
print(nested[1][2], nested[2][2][1])
