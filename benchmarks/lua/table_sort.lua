-- table_sort: table.sort of numbers, of strings and with a comparator function, then
-- table.insert at the end and in the middle, table.remove from both ends, and table.concat.
local quick = arg and arg[1] == "quick"
local rounds = quick and 2 or 8
local size = quick and 2000 or 20000

local seed = 42
local function random(n)
  seed = (seed * 1021 + 7) % 1048573 -- products stay below 2^31 (fengari)
  return seed % n
end

local checksum = 0
for round = 1, rounds do
  local numbers, strings, records = {}, {}, {}
  for i = 1, size do
    local r = random(1000000)
    numbers[i] = r
    strings[i] = "k" .. (r % 50000)
    records[i] = {key = r % 1000, id = i}
  end
  table.sort(numbers)
  table.sort(strings)
  table.sort(records, function(a, b)
    if a.key ~= b.key then return a.key < b.key end
    return a.id < b.id
  end)
  table.sort(numbers, function(a, b) return a > b end)

  local list = {}
  for i = 1, 5000 do table.insert(list, i) end
  for i = 1, 500 do table.insert(list, (i * 7) % #list + 1, -i) end
  local sum = 0
  for _ = 1, 300 do sum = sum + table.remove(list, 1) end
  for _ = 1, 2000 do sum = sum + table.remove(list) end
  local joined = table.concat(list, ",", 1, 200)

  checksum = (checksum + numbers[1] + numbers[#numbers] + #strings[1] + #strings[size]
    + records[1].id + records[size].id + sum + #joined) % 1000003
end
print(string.format("checksum = %d", checksum))
