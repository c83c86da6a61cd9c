-- Character classes %a %d %l %s %u %w %x %p %c and their complements
local s = "aB1 _.\t\n!~"
for _, c in ipairs({"%a", "%d", "%l", "%s", "%u", "%w", "%x", "%p", "%c", "%A", "%D", "%S", "%W"}) do
  local r = s:gsub(c, "#")
  print(c, (r:gsub("[\t\n]", "?")))
end
