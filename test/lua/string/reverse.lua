print(("hello"):reverse(), (""):reverse(), ("a"):reverse(), ("ab\0c"):reverse() == "c\0ba")
