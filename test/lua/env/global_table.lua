-- _G holds the globals and refers to itself
print(_G._G == _G, _G.print == print, type(_G))
newGlobal = 5
print(_G.newGlobal, rawget(_G, "newGlobal"))
_G.viaTable = 6
print(viaTable)
