-- Stack depth (luaD_growCI, LUAI_MAXCALLS): 16,000 levels of non-tail recursion run; deeper
-- recursion is a Lua error, `stack overflow`, catchable by pcall, also inside a coroutine.
local function rec(n) if n == 0 then return 0 end return 1 + rec(n - 1) end
print(rec(16000))
local function inf(n) return 1 + inf(n + 1) end
local ok, e = pcall(inf, 1)
print(ok, e)
-- the stack is usable again after the error
print(rec(15000))
local co = coroutine.create(function() return inf(1) end)
print(coroutine.resume(co))
print(coroutine.status(co))
co = coroutine.create(function() return rec(15000) end)
print(coroutine.resume(co))
-- inside a method call
local obj = {}
function obj:down(n) return 1 + self:down(n + 1) end
print(pcall(obj.down, obj, 1))
-- an error handler sees the overflow message
print(xpcall(function() return inf(1) end, function(m) return "handled: " .. m end))
