error("line one\nline two")
