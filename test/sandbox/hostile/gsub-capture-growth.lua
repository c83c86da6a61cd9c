-- expect: memory
-- a replacement repeating the whole match many times: the buffer must be refused as it grows.
local s = ("x"):rep(1e5)
local repl = ("%0"):rep(1000)
s = s:gsub("^.*$", repl)
