-- select with negative indices counts from the end
local function last(...) return (select(-1, ...)) end
print(last(1, 2, 3), last("only"))
print(select(-2, "a", "b", "c"))
