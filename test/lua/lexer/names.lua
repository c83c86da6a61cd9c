-- Identifiers: letters, digits, underscores; keywords are reserved, case matters
local _ = 1
local _x, x_, x1, _1_ = 2, 3, 4, 5
local And, NIL, End = "And", "NIL", "End"
print(_, _x, x_, x1, _1_, And, NIL, End)
local t = {}
t["end"] = 1; t["while"] = 2
print(t["end"], t["while"])
