-- String keys: t.name is sugar for t["name"]
local t = {}
t.name = "n"
print(t["name"])
t["with space"] = 1
t[""] = "empty"
print(t["with space"], t[""])
t["1"] = "s1"; t[1] = "n1"
print(t["1"], t[1])
