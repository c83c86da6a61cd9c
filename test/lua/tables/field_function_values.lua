-- Functions stored in tables and called through fields
local ops = {
  add = function(a, b) return a + b end,
  ["sub"] = function(a, b) return a - b end,
}
ops.mul = function(a, b) return a * b end
print(ops.add(2, 3), ops.sub(2, 3), ops["mul"](2, 3))
local obj = {v = 5}
function obj:get() return self.v end
function obj.static(x) return x end
print(obj:get(), obj.get(obj), obj.static(7))
