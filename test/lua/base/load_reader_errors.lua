-- load runs its reader protected: a reader's error is load's nil, message (under pcall,
-- where lua5.1 has no message handler to add a traceback)
print(pcall(load, function() error("boom") end))
print(select("#", pcall(load, function() error({}) end)), type(select(3, pcall(load, function() error({}) end))))
print(pcall(load, function() local x = nil; return x.y end, "=rd"))
local n = 0
print(pcall(load, function() n = n + 1; if n == 1 then return "return 1" end; error("late") end))
print(pcall(load, function() return {} end))
local co = coroutine.wrap(function() return load(function() error("in coroutine") end) end)
print(co())
local f = load(function() n = n + 1; if n < 4 then return "" end end)
print(type(f))
