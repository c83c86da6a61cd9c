-- Allocates the same way but keeps everything: it must die with `not enough memory`.
local hold = {}
for frame = 1, 4000 do
  local t = {}
  for i = 1, 200 do t[i] = { x = i, y = frame, name = "e" .. i } end
  hold[frame] = t
end
print("not reached")
