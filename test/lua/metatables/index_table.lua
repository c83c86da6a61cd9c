-- __index as a table: looked up only for absent keys (§2.8)
local base = {greet = "hello", shared = "base"}
local t = setmetatable({shared = "own"}, {__index = base})
print(t.greet, t.shared, t.missing)
print(rawget(t, "greet"))
base.late = "added later"
print(t.late)
