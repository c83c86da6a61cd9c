-- Inner functions see enclosing locals at every depth
local a = 1
local function outer()
  local b = 2
  local function middle()
    local c = 3
    local function inner() return a + b + c end
    return inner()
  end
  return middle()
end
print(outer())
