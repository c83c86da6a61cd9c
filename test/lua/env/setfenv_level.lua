-- setfenv(1, t) changes the running function's environment
local print, getfenv = print, getfenv
local function sandboxed()
  setfenv(1, {value = "sandbox"})
  return value
end
print(sandboxed())
print(value)
