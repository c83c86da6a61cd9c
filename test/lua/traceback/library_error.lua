-- An error raised inside a library function (luaL_error) is a [C] level of the uncaught
-- traceback, named from the call that reached it.
local s = "abc"
local find = string.find
print(pcall(find, s, "("))
local function replace(t) return s:gsub("a", t) end
replace({ a = true })
