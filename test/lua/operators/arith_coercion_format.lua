-- The result of arithmetic on coerced strings is a number
local r = "10" + 0
print(type(r), r)
print(type("10" .. 0))
print("0x1A" * 1, "1e1" * 1, ".5" * 2, "5." * 2)
print(math.floor("3.7"))
