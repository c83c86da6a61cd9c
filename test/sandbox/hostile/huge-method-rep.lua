-- expect: memory
return ("x"):rep(2 ^ 30)
