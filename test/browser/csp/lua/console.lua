-- Lua that compiles Lua at run time: loadstring, load with a reader, and string.dump. Each
-- function returns one string (JS sees a Lua function's first result).
local console = {}

local function pack(...)
  local out = {}
  for i = 1, select("#", ...) do out[i] = tostring((select(i, ...))) end
  return table.concat(out, " ")
end

-- Runs a chunk of source text: its results, or its compile or run-time error.
function console.run(source)
  local f, err = loadstring(source, "=console")
  if not f then return "compile error: " .. err end
  return pack(pcall(f))
end

-- load with a reader function (lua_load's reader): one piece per call.
function console.run_pieces(a, b, c)
  local pieces, n = { a, b, c }, 0
  local f = assert(load(function() n = n + 1 return pieces[n] end, "=pieces"))
  return pack(f())
end

-- A compiled function and a function from loadstring, dumped and loaded back.
function console.round_trip()
  local function square(x) return x * x end
  local cube = loadstring("return function(x) return x * x * x end")()
  local square2 = loadstring(string.dump(square))
  local cube2 = loadstring(string.dump(cube))
  return pack(square2(7) + cube2(2), #string.dump(square))
end

return console
