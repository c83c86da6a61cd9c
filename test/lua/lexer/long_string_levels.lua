-- Long strings with different levels and embedded brackets
print([[a]b]], [=[a]]b]=], [==[]=]]==])
print(#[[

]])
print([[
]] == "")
