local function inner()
  local x = nil
  return x + 1
end
local function outer()
  return inner() + 1
end
outer()
