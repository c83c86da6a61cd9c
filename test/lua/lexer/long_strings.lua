-- Long brackets: the first newline is skipped, no escapes are interpreted
local a = [[hello]]
local b = [[
first line
second\n line]]
print(a)
print(b)
print(#[[
]])
print([==[with ]] and ]=] inside]==])
print([=[
x]=])
