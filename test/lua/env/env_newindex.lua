-- A metatable on _G intercepts reads of undefined globals
setmetatable(_G, {__index = function(_, k) return "undefined:" .. k end,
                  __newindex = function(t, k, v) rawset(t, k, v .. "!") end})
print(notDefined)
newVar = "val"
print(newVar)
setmetatable(_G, nil)
print(notDefined2)
