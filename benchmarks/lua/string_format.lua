-- string_format: string.format with %d, %5.2f, %s, %-10s, %x and %q (not %e or %g: fengari prints them wrongly), the results
-- joined with table.concat and `..`, and string.rep/sub/len over them. Only lengths and byte
-- sums of whole results are compared.
local rounds = (arg and arg[1] == "quick") and 8 or 1000

local names = {"north", "south", "east", "west", "centre"}
local checksum = 0
for round = 1, rounds do
  local parts = {}
  for i = 1, 1000 do
    local name = names[i % #names + 1]
    parts[#parts + 1] = string.format("%d|%5.2f|%-8s|%x|%08.3f|%s", i * round % 100000,
      i / 7, name, i * 31, (i % 500) / 3, name .. i)
  end
  local joined = table.concat(parts, "\n")
  local extra = string.format("%q %.5f %.3f %10.4f %+d %%", joined:sub(1, 60), round / 3, round * 1.5,
    1 / round, -round)
  -- building with `..` in a loop
  local acc = ""
  for i = 1, 300 do acc = acc .. string.format("%3d,", (i + round) % 1000) end
  local line = string.rep("ab", 50, "") .. acc
  checksum = (checksum + #joined + #extra + #line + string.byte(joined, (round % #joined) + 1)
    + string.byte(acc, -2)) % 1000003
end
print(string.format("checksum = %d", checksum))
