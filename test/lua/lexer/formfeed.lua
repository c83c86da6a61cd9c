-- vertical tab and form feed
local x= 5
print(x)
