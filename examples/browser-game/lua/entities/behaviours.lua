-- Entity behaviours: each is a function(entity, world) called once per frame. Behaviours keep
-- their own state in the entity (a small state machine), so a frame is one plain call.
local behaviours = {}

-- Moves in a straight line and bounces off the walls of the world.
function behaviours.bounce(e, world)
  e.x = e.x + e.vx
  e.y = e.y + e.vy
  if e.x < 0 or e.x > world.width then e.vx = -e.vx; e.bounces = e.bounces + 1 end
  if e.y < 0 or e.y > world.height then e.vy = -e.vy; e.bounces = e.bounces + 1 end
end

-- Walks a square: `side` frames in each direction, then turns right.
local directions = { { 1, 0 }, { 0, 1 }, { -1, 0 }, { 0, -1 } }
function behaviours.patrol(e)
  local d = directions[e.heading]
  e.x = e.x + d[1] * e.speed
  e.y = e.y + d[2] * e.speed
  e.steps = e.steps + 1
  if e.steps == e.side then
    e.steps = 0
    e.heading = e.heading % 4 + 1
  end
end

-- Follows the first entity of the world, a little slower than it moves.
function behaviours.chase(e, world)
  local target = world.entities[1]
  local dx, dy = target.x - e.x, target.y - e.y
  local distance = math.sqrt(dx * dx + dy * dy)
  if distance > 1 then
    e.x = e.x + dx / distance * e.speed
    e.y = e.y + dy / distance * e.speed
  end
  e.closest = math.min(e.closest, distance)
end

return behaviours
