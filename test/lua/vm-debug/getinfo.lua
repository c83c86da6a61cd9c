-- debug.getinfo on VM functions and levels: source, short_src, what, linedefined,
-- lastlinedefined, currentline, nups, activelines, func (ldebug.c lua_getinfo).
local up = 1
local function f(x)
  local y = x + up
  return y
end

local function show(info)
  local keys = {}
  for k in pairs(info) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do
    local v = info[k]
    if type(v) == "table" then
      local lines = {}
      for line in pairs(v) do lines[#lines + 1] = line end
      table.sort(lines)
      v = "{" .. table.concat(lines, ",") .. "}"
    elseif type(v) == "function" then
      v = v == f and "f" or "function"
    end
    out[#out + 1] = k .. "=" .. tostring(v)
  end
  print(table.concat(out, " "))
end

show(debug.getinfo(f, "SuL"))
show(debug.getinfo(f, "f"))
show(debug.getinfo(1, "Sl"))
show(debug.getinfo(print, "Su"))
local function level()
  show(debug.getinfo(1, "Slu"))
  show(debug.getinfo(2, "l"))
end
level()
local chunk = loadstring("local a = 1\nreturn function() return a end", "=chunk")
show(debug.getinfo(chunk, "S"))
show(debug.getinfo(chunk(), "SuL"))
