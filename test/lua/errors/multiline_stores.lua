-- Assignments split over lines: lua5.1 makes the stores once the values are read, so a failing
-- store reports the statement's last line; `function a.b()` reports the line of `function`.
local t = {}
print(pcall(function() t.z.y =
  1 end))
print(pcall(function() t.z
.y = 1 end))
print(pcall(function() local a, b = 1
  t.q.w, b = 1,
    2 end))
print(pcall(function() print("x")
[3.0] = "c" end))
setfenv(1, setmetatable({}, {__index = _G, __newindex = function(_, k) error("no global " .. k, 2) end}))
print(pcall(function() newglobal =
  5 end))
print(pcall(function()
  function t.nope.f()
  end
end))
