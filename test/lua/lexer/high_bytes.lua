-- Bytes >= 128 pass through unchanged
local s = "caf\233 \200\255"
print(#s, s:byte(4), s:byte(-1))
print(s:upper() == "CAF\233 \200\255")
io.write(s, "\n")
