-- Character escapes in short strings (§2.1)
local s = "a\tb\\c\"d\'e"
print(s, #s)
print(#"\a\b\f\n\r\t\v", string.byte("\a\b\f\n\r\t\v", 1, -1))
print('single "double" inside', "double 'single' inside")
print("line1\nline2")
print(#"\\", #"\"", #'\'')
