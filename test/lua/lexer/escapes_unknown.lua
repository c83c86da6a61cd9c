-- In 5.1, an unknown escape like \q just yields the character
print("\q\w\e", #"\q")
print("a\%b")
