-- Functions defined as globals are fields of _G
function gfn() return 1 end
print(_G.gfn == gfn, rawget(_G, "gfn") ~= nil)
local names = {}
for _, n in ipairs({"print", "pairs", "ipairs", "tostring", "tonumber", "string", "table", "math", "io", "os", "coroutine", "_VERSION"}) do
  names[#names + 1] = n .. "=" .. type(_G[n])
end
print(table.concat(names, " "))
print(_VERSION)
