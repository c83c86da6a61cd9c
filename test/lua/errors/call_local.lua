local function f()
  local notfn = 42
  return notfn()
end
print(pcall(f))
