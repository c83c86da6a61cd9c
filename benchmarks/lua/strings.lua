-- strings: string building and inspection. Builds lines with string.format,
-- joins them with table.concat, appends with `..` in a loop, and scans the
-- results with string.sub and string.byte. Only whole-string results are
-- compared, through lengths and byte sums.
local rounds = (arg and arg[1] == "quick") and 60 or 1600

local checksum, total_len = 0, 0
for round = 1, rounds do
  -- table.concat of formatted pieces
  local parts = {}
  for i = 1, 500 do
    parts[#parts + 1] = string.format("%d:%s:%5.2f", i, "item" .. (i % 17), (i * round % 1000) / 7)
  end
  local joined = table.concat(parts, ",")

  -- repeated `..` appends (quadratic copying in every engine, kept short)
  local s = ""
  for i = 1, 200 do s = s .. string.char(97 + (i + round) % 26) end

  -- scanning with sub and byte
  local sum = 0
  for i = 1, #joined, 3 do
    sum = sum + string.byte(joined, i)
    if string.sub(joined, i, i) == ":" then sum = sum + 1 end
  end
  for i = 1, #s do sum = sum + s:byte(i) * (i % 5) end

  -- upper/rep/reverse on the short string
  local t = string.upper(string.sub(s, 1, 40)) .. string.rep("-", round % 7) .. s:reverse()
  total_len = total_len + #joined + #t
  checksum = (checksum + sum + string.byte(t, #t)) % 1000003
end
print(string.format("length = %d  checksum = %d", total_len, checksum))
