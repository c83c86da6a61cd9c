-- upper and lower change only ASCII letters in the C locale
print(("Hello World 123"):upper(), ("Hello World 123"):lower())
print(("\233\201"):upper() == "\233\201")
