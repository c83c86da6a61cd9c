-- Assigning nil to existing fields during traversal is allowed (§5.1 next)
local t = {}
for i = 1, 20 do t["k" .. i] = i end
local count = 0
for k in pairs(t) do
  t[k] = nil
  count = count + 1
end
print(count, next(t))
