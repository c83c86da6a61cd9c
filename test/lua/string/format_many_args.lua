-- Many format arguments; extra ones are ignored
print(string.format("%s-%s-%s-%s-%s", 1, 2, 3, 4, 5))
print(string.format("%d", 1, 2, 3))
print(string.format("%5s%-5s%5d", "a", "b", 1))
