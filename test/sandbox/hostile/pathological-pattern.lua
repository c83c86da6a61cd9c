-- expect: fuel
return string.find(("a"):rep(1e5), ".-.-.-.-b")
