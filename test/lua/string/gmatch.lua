-- string.gmatch iterates over matches
local words = {}
for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
print(#words, table.concat(words, ","))
local pairsOut = {}
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do pairsOut[#pairsOut + 1] = k .. v end
print(table.concat(pairsOut, " "))
local n = 0
for _ in ("abc"):gmatch("") do n = n + 1 end
print(n)
for pos in ("abc"):gmatch("()") do io.write(pos, " ") end
print()
for a in ("^a^a"):gmatch("^a") do io.write(a, ";") end
print()
