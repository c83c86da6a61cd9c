-- lua_close (lua.c calls it when the script ends) runs the finalizers of every userdata left,
-- newest first, reachable or not; an error in one does not stop the others.
local keep = {}
for i = 1, 3 do
  local u = newproxy(true)
  getmetatable(u).__gc = function() print("finalized", i) if i == 2 then error("ignored") end end
  keep[i] = u
end
print("end of script")
