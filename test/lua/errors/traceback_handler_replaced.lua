-- lua.c's traceback handler calls whatever debug.traceback is, with the message and level 2
debug.traceback = function(m, l) return "custom: " .. m .. " " .. l end
error("x")
