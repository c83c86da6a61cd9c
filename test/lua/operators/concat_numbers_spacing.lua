-- A space is needed before .. after a numeral
local x = 5
print(x .. "", 5 .. "", 5.5 .. "!", -5 .. "", x .. x)
