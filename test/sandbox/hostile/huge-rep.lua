-- expect: memory
return string.rep("x", 1e10)
