-- %1 back references inside patterns and position captures
print(('say "hi" or \'yo\''):match("([\"'])(.-)%1"))
print(("abcabc"):find("(abc)%1"))
print(("hello"):match("()ll()"))
print(("aa bb cd"):gsub("(%a)%1", "<%1%1>"))
