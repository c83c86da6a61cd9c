-- string.match returns captures or the whole match
print(("hello world"):match("%a+"), ("hello world"):match("(%a+) (%a+)"))
print(("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("no digits"):match("%d+"), ("x = 10"):match("()=()"))
print(("abc"):match(".", -1), ("abc"):match("^b"), ("abc"):match("^a"))
print(("[[x]]"):match("%[%[(.-)%]%]"))
