-- Named-field reads and writes (GETFIELD, SETFIELD, SELF) over more distinct field names
-- than the VM has field slots (vm/src/interpreter/field-slots.ts), on tables of different
-- shapes, with fields removed and re-added, and through __index/__newindex.

local names = {}
for i = 1, 48 do names[i] = "f" .. i end

-- A chunk that reads and writes each name as a constant field (t.f1, t.f2, ...).
local src = { "local t, u = ...\nlocal s = 0\n" }
for i = 1, 48 do
  src[#src + 1] = ("t.%s = (t.%s or 0) + %d\n"):format(names[i], names[i], i)
  src[#src + 1] = ("u.%s = t.%s * 2\n"):format(names[i], names[i])
  src[#src + 1] = ("s = s + u.%s\n"):format(names[i])
end
src[#src + 1] = "return s\n"
local step = assert(loadstring(table.concat(src)))

-- Tables of different shapes: empty, pre-filled in another order, with a metatable.
local a, b = {}, {}
local c = {}
for i = 48, 1, -1 do c[names[i]] = -i end
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k; return 100 end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. k; rawset(t, k, v) end,
})

print(step(a, b))
print(step(a, b))
print(step(c, b))
print(step(proxy, b))
print(#log, log[1], log[2], log[#log])
print(step(proxy, b))

-- Remove fields and add them back: a field holding nil is absent (its write goes to __newindex).
for i = 1, 48, 3 do a[names[i]] = nil end
print(step(a, b))
local seen = 0
for _ in pairs(a) do seen = seen + 1 end
print(seen)

-- Methods through SELF with many names.
local obj = { n = 0 }
for i = 1, 40 do
  obj["m" .. i] = function(self, x) self.n = self.n + x * i; return self.n end
end
local calls = { "local o = ...\nlocal r = 0\n" }
for i = 1, 40 do calls[#calls + 1] = ("r = r + o:m%d(%d)\n"):format(i, i) end
calls[#calls + 1] = "return r, o.n\n"
print(assert(loadstring(table.concat(calls)))(obj))

-- A field read on a non-table still errors with its name.
print(pcall(step, a, nil))
print(pcall(assert(loadstring("local t = ... return t.f47.x")), {}))
