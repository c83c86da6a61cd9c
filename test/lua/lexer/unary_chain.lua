-- Repeated unary operators
print(- -1, not not nil, - - -2)
print(#"abc", -#"ab")
print(not nil == true)
