-- Tables and functions are equal only to themselves; strings by value
local t1, t2 = {}, {}
print(t1 == t1, t1 == t2, t1 ~= t2)
local f1 = function() end
local f2 = f1
print(f1 == f2, f1 == function() end)
local s1 = "abc"
local s2 = "ab" .. "c"
print(s1 == s2)
print(print == print, type == print)
