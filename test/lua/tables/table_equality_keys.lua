-- Different tables are different keys, even if equal contents
local a, b = {}, {}
local t = {[a] = 1, [b] = 2}
print(t[a], t[b])
local count = 0
for _ in pairs(t) do count = count + 1 end
print(count)
