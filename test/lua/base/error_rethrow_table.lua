-- Rethrowing an error table keeps identity
local e = {}
local ok, got = pcall(function()
  local ok2, inner = pcall(error, e)
  error(inner)
end)
print(ok, got == e)
