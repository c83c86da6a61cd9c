-- ipairs stops at the first nil
local t = {"a", "b", "c", nil, "e"}
for i, v in ipairs(t) do print(i, v) end
for i, v in ipairs({}) do print("never") end
local count = 0
for _ in ipairs({n = 1, [2] = "two"}) do count = count + 1 end
print(count)
