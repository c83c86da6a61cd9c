print(select("#"), select("#", 1, nil), select("#", nil), select(2, 1, nil))
print(pcall(select, 1.5, "a", "b"))
