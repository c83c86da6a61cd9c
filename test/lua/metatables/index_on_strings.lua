-- Indexing a string with a missing key gives nil; method calls find string functions
local s = "abc"
print(s.nope, s:len())
string.shout = function(x) return x:upper() .. "!" end
print(s:shout())
