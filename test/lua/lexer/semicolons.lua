-- Optional semicolons between statements
local a = 1; local b = 2;
print(a + b);
do local c = 3; end
print("ok");
