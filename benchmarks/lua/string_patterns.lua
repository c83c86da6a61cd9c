-- string_patterns: Lua pattern matching over generated text. string.gsub with string, table
-- and function replacements, string.find (patterns, anchors, init, plain), string.match with
-- captures and string.gmatch word scanning, over a log-like text rebuilt each round.
local rounds = (arg and arg[1] == "quick") and 4 or 300

local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
local lines = {}
for i = 1, 400 do
  local w = words[i % #words + 1]
  lines[i] = string.format("%05d [%s] user=%s id=%d value=%d.%02d path=/srv/%s/%d.txt",
    i, (i % 3 == 0) and "WARN" or "INFO", w, i * 7 % 1000, i % 97, i % 100, w, i % 13)
end
local text = table.concat(lines, "\n")
local upper = {alpha = "A", beta = "B", gamma = "G", delta = "D"}

local checksum = 0
for round = 1, rounds do
  -- gsub: string replacement with captures, table replacement, function replacement
  local s1, n1 = string.gsub(text, "(%w+)=(%d+)", "%2:%1")
  local s2, n2 = string.gsub(text, "%a+", upper)
  local s3, n3 = string.gsub(text, "%d+", function(d) return #d % 2 == 0 and "e" or nil end)
  local s4, n4 = string.gsub(text, "%s+", " ", 2000)
  checksum = (checksum + #s1 + n1 + #s2 + n2 + #s3 + n3 + #s4 + n4) % 1000003

  -- find: patterns with init, anchors, plain searches
  local pos, count = 1, 0
  while true do
    local a, b = string.find(text, "%[WARN%]", pos)
    if not a then break end
    count = count + 1
    pos = b + 1
  end
  pos = 1
  while true do
    local a = string.find(text, "path=", pos, true)
    if not a then break end
    count = count + 1
    pos = a + 5
  end
  for i = 1, #lines, 7 do
    if string.find(lines[i], "^%d+ %[INFO%]") then count = count + 1 end
  end

  -- match with captures, gmatch over words
  local sum = 0
  for i = 1, #lines do
    local id, int, frac = string.match(lines[i], "id=(%d+) value=(%d+)%.(%d+)")
    sum = sum + tonumber(id) + tonumber(int) + tonumber(frac)
  end
  for word in string.gmatch(text, "%a+") do sum = sum + #word end
  for k, v in string.gmatch(text, "(%w+)=(%w+)") do sum = sum + #k + #v end
  checksum = (checksum + count + sum + round) % 1000003
end
print(string.format("checksum = %d", checksum))
