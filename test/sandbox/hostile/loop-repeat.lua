-- expect: fuel
repeat until false
