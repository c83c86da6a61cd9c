-- * + - ? quantifiers
print(("aaab"):match("a*"), ("aaab"):match("a+b"), ("aaab"):match("a-b"), ("b"):match("a?b"))
print(("<a><b>"):match("<(.*)>"), ("<a><b>"):match("<(.-)>"))
print(("color colour"):gsub("colou?r", "C"))
print((""):match("a*"), ("xyz"):match("a*"))
