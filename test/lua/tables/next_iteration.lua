-- next visits every key once; sort keys to print deterministically
local t = {10, 20, 30, a = 1, b = 2, c = 3}
local keys = {}
local k, v = next(t)
while k ~= nil do
  keys[#keys + 1] = tostring(k) .. "=" .. tostring(v)
  k, v = next(t, k)
end
table.sort(keys)
print(table.concat(keys, " "))
print(next({}, nil))
print(pcall(next, t, "nonexistent"))
