-- table.sort with a comparison function
local t = {5, 2, 8, 1, 9}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local people = {{name = "Ann", age = 30}, {name = "Bob", age = 25}, {name = "Cid", age = 35}}
table.sort(people, function(a, b) return a.age < b.age end)
for _, p in ipairs(people) do io.write(p.name, " ") end
print()
local words = {"pear", "Fig", "apple", "kiwi"}
table.sort(words, function(a, b) return a:lower() < b:lower() end)
print(table.concat(words, " "))
