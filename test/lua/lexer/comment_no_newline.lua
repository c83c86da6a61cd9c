-- last line is a comment with no newline
print(1)
-- end