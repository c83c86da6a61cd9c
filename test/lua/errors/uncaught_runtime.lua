print("start")
local t = nil
print(t.x)
