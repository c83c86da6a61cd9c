-- Assigning to an upvalue changes the shared variable
local count = 0
local function inc() count = count + 1 end
inc(); inc(); inc()
print(count)
count = 100
inc()
print(count)
