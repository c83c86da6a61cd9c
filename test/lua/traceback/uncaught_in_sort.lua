-- An uncaught error inside a table.sort comparator: the traceback lists sort as a C level.
local function compare(a, b)
  if a == 2 then error("bad compare") end
  return a < b
end
local function sorter(t) table.sort(t, compare) return t end
sorter({3, 2, 1})
