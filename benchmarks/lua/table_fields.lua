-- table_fields: records with string keys (a particle system). Reads and
-- writes of fixed named fields (r.x, r.vx, ...) dominate; records are created
-- once by table constructors with the same key order.
local quick = arg and arg[1] == "quick"
local count = 1000
local steps = quick and 400 or 10000

local particles = {}
for i = 1, count do
  particles[i] = {
    x = i % 97, y = i % 89, vx = (i % 7) - 3, vy = (i % 5) - 2,
    mass = 1 + i % 3, bounces = 0, name = "p" .. i,
  }
end

for _ = 1, steps do
  for i = 1, count do
    local p = particles[i]
    p.x = p.x + p.vx
    p.y = p.y + p.vy
    if p.x < 0 or p.x > 100 then p.vx = -p.vx; p.bounces = p.bounces + 1 end
    if p.y < 0 or p.y > 100 then p.vy = -p.vy; p.bounces = p.bounces + 1 end
  end
end

local sx, sy, bounces, energy = 0, 0, 0, 0
for i = 1, count do
  local p = particles[i]
  sx = sx + p.x
  sy = sy + p.y
  bounces = bounces + p.bounces
  energy = energy + p.mass * (p.vx * p.vx + p.vy * p.vy)
end
print(string.format("x = %d  y = %d  bounces = %d  energy = %d", sx, sy, bounces, energy))
