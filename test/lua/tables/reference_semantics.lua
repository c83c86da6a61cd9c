-- Tables are passed by reference
local function add(t, v) t[#t + 1] = v end
local list = {}
add(list, "a"); add(list, "b")
print(#list, list[1], list[2])
local alias = list
alias[1] = "changed"
print(list[1])
