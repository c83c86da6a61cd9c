#!/usr/bin/env lua
-- the first line starting with # is skipped
print("shebang skipped")
