-- Allocates well over 100 MB of short-lived tables and strings while holding little: a game
-- script making garbage every frame. Under a 20 MB budget it must finish (the CLI measures the
-- live heap when the charges reach the budget).
local kept, made = nil, 0
for frame = 1, 4000 do
  local t = {}
  for i = 1, 200 do t[i] = { x = i, y = frame, name = "e" .. i } end
  kept = string.rep("x", 1000) .. frame
  made = made + #t
end
print("done", made, #kept)
