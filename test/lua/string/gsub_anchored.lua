-- An anchored pattern in gsub matches at most once
print(("aaa"):gsub("^a", "b"))
print(("hello world"):gsub("^%s*", ""))
print(("  x  "):gsub("^%s+", ""))
