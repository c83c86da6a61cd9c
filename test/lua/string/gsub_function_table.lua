-- gsub with a function or a table as replacement; false/nil keep the match
print(("$name is $age"):gsub("%$(%w+)", {name = "Bob", age = 42}))
print(("1 2 3"):gsub("%d", function(d) return d * 2 end))
print(("a b c"):gsub("%a", function(c) if c == "b" then return nil end return c:upper() end))
print(("a b"):gsub("%a", {a = false}))
print(pcall(string.gsub, "a", "a", function() return {} end))
print(pcall(string.gsub, "abc", ".", {a = 1, b = true}))
