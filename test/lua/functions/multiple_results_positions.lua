-- Multiple results are kept only in the last position of a list (§2.5)
local function mr() return 1, 2, 3 end
print(mr())
print(mr(), "end")
print("start", mr())
print((mr()))
local t = {mr(), mr()}
print(#t)
print(mr() + 10)
local a, b = mr(), mr()
print(a, b)
print(#{mr(), nil})
print(select("#", mr(), mr()))
