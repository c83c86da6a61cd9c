-- unpack with explicit bounds passes nils through
local t = {1, nil, 3, n = 3}
print(unpack(t, 1, t.n))
print(select("#", unpack(t, 1, t.n)))
