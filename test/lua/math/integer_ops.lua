-- Integer-like arithmetic with floor and %
local function divmod(a, b) return math.floor(a / b), a % b end
print(divmod(17, 5))
print(divmod(-17, 5))
print(divmod(17, -5))
print(math.floor(2^31 + 0.5), math.floor(-2^31 - 0.5))
