-- gmatch with position captures and multiple captures
for a, b in ("k1=v1;k2=v2"):gmatch("(%w+)=(%w+)") do print(a, b) end
for p, w in ("ab cd"):gmatch("()(%a+)") do print(p, w) end
