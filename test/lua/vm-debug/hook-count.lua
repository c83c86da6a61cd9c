-- Count hooks (lua_sethook with count > 0): every N instructions, also with an empty mask;
-- a count hook that raises an error stops a runaway loop (caught by pcall).
local n = 0
debug.sethook(function(ev) n = n + 1 end, "", 10)
local s = 0
for i = 1, 100 do s = s + i end
debug.sethook()
print(s, n)

local events = {}
debug.sethook(function(ev, line) events[#events + 1] = ev end, "l", 5)
local t = 0
for i = 1, 4 do
  t = t + i
end
debug.sethook()
print(t, table.concat(events, " "))

local budget = 0
local ok, err = pcall(function()
  debug.sethook(function()
    budget = budget + 1
    if budget > 20 then error("too long") end
  end, "", 100)
  while true do end
end)
debug.sethook()
print(ok, err, budget)
