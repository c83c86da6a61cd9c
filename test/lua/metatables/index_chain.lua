-- __index chains through several tables
local a = {a = "from a"}
local b = setmetatable({b = "from b"}, {__index = a})
local c = setmetatable({c = "from c"}, {__index = b})
local d = setmetatable({}, {__index = c})
print(d.a, d.b, d.c, d.z)
