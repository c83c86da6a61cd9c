-- Tabs, form feeds and vertical tabs are whitespace
local	a	=	1
print(a	,	2)
local b = 3 print(b)
