-- Nested captures are numbered by their opening parenthesis
print(("abcd"):match("((a)(b))((c)d)"))
print(string.find("date: 2024", "((%d%d)(%d%d))"))
print(pcall(string.match, "x", "(((((((((((((((((((((((((((((((((x)))))))))))))))))))))))))))))))))"))
