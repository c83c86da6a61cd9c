-- Pattern items and captures in find
print(("hello 123 world"):find("%d+"))
print(("key = value"):find("(%w+)%s*=%s*(%w+)"))
print(("  trim  "):find("^%s*(.-)%s*$"))
print(("[brackets]"):find("%[(.*)%]"))
print(("abc"):find("b()"))
print(("aaa"):find("a-"), ("aaa"):find("a-$"))
