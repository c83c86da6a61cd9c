-- collectgarbage (lbaselib.c luaB_collectgarbage, manual §5.1): every option, its results and
-- the argument errors; gcinfo. Memory amounts vary, so only their types and signs are printed.
print(collectgarbage("collect"), collectgarbage())
print(type(collectgarbage("count")), collectgarbage("count") > 0)
local info = gcinfo()
print(math.floor(collectgarbage("count")) >= 0, type(info), info == math.floor(info))
print(collectgarbage("stop"), collectgarbage("restart"))
print(collectgarbage("step", 100000))
print(collectgarbage("setpause", 150), collectgarbage("setpause"), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 400), collectgarbage("setstepmul", 200))
print(collectgarbage("setpause", 3.7), collectgarbage("setpause", 200))
print(collectgarbage("stop"), collectgarbage("collect"), collectgarbage("restart"))
-- repeated small steps finish a cycle sooner or later
local n = 0
repeat n = n + 1 until collectgarbage("step") or n > 1000
print(n <= 1000)
print(pcall(collectgarbage, "bogus"))
print(pcall(collectgarbage, 1))
print(pcall(collectgarbage, {}))
print(pcall(collectgarbage, "count", "x"))
print(pcall(collectgarbage, "step", {}))
print(pcall(collectgarbage, "Collect"))
print(select("#", collectgarbage("count")), select("#", collectgarbage()))
