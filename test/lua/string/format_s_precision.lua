-- %s with width and precision; %q of numbers
print(string.format("[%10s][%-10s][%.2s]", "abc", "abc", "abc"))
print(string.format("%q", 1/3), string.format("%q", 10))
print(string.format("%5.1s|", "xyz"))
