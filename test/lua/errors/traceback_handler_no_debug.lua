-- lua.c's traceback handler finds no debug table: the message prints alone
debug = nil
error("x")
