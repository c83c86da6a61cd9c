-- Sets, ranges and negated sets
print(("hello123"):gsub("[aeiou]", "*"))
print(("hello123"):gsub("[^aeiou]", "*"))
print(("a-b-c"):gsub("[%-]", "+"))
print(("abcxyz"):gsub("[a-cx-z]", "."))
print(("a]b"):gsub("[]]", "!"))
print(("a^b"):gsub("[%^]", "!"), ("a^b"):gsub("[b^]", "!"))
print(("x1y2"):gsub("[%d%a]", "_"))
