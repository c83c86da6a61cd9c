-- __call: the table is passed first, then the arguments
local callable = setmetatable({name = "obj"}, {__call = function(self, a, b)
  return self.name, a, b
end})
print(callable(1, 2))
print(pcall(callable, "p"))
local t = {callable = callable}
print(t.callable("x"))
