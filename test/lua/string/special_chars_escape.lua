-- Escaping magic characters with %
local magic = "^$()%.[]*+-?"
local escaped = magic:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")
print(escaped)
print(("a.b*c"):find(escaped) == nil, ("x" .. magic):find(escaped))
