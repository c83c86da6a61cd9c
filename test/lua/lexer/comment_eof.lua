print("comment at end of file without newline")
-- no newline after this
