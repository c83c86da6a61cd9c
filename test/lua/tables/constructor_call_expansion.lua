-- The last positional field expands a call or `...`; others are truncated
local function three() return 1, 2, 3 end
local t = {three()}
print(#t, t[1], t[3])
t = {three(), three()}
print(#t, t[1], t[2], t[4])
t = {three(), "x"}
print(#t, t[1], t[2])
t = {(three())}
print(#t)
local function va(...) return {...} end
t = va(4, 5, 6)
print(#t, t[1], t[3])
t = {three(), k = 1}
print(#t)
