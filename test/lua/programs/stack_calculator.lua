-- An RPN calculator with error handling
local function rpn(expr)
  local stack = {}
  for tok in expr:gmatch("%S+") do
    local n = tonumber(tok)
    if n then stack[#stack + 1] = n
    else
      local b, a = table.remove(stack), table.remove(stack)
      if not a or not b then error("stack underflow at '" .. tok .. "'", 0) end
      if tok == "+" then stack[#stack + 1] = a + b
      elseif tok == "-" then stack[#stack + 1] = a - b
      elseif tok == "*" then stack[#stack + 1] = a * b
      elseif tok == "/" then stack[#stack + 1] = a / b
      else error("unknown operator '" .. tok .. "'", 0) end
    end
  end
  return stack[1]
end
print(rpn("3 4 + 2 *"), rpn("10 4 /"), rpn("1 2 3 * +"))
print(pcall(rpn, "1 +"))
print(pcall(rpn, "1 2 ^"))
