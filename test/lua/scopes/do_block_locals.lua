-- Locals in do-blocks vanish at end
local results = {}
do local a = 1; results[1] = a end
do local a; results[2] = a end
print(results[1], results[2])
print(a)
