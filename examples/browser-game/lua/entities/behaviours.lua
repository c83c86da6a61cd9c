-- Entity behaviours: each is the body of a coroutine (entities.spawn wraps it with
-- coroutine.wrap), resumed once per frame by entities.update. The first resume passes
-- (entity, world); every coroutine.yield() ends the entity's frame, so a behaviour reads as
-- a script ("walk, then wait, then turn") instead of a state machine kept in the entity.
local behaviours = {}

local yield = coroutine.yield

-- Lets `frames` frames pass (one yield each).
local function wait(frames)
  for _ = 1, frames do yield() end
end

-- Moves in a straight line and bounces off the walls of the world, forever.
function behaviours.bounce(e, world)
  while true do
    e.x = e.x + e.vx
    e.y = e.y + e.vy
    if e.x < 0 or e.x > world.width then e.vx = -e.vx; e.bounces = e.bounces + 1 end
    if e.y < 0 or e.y > world.height then e.vy = -e.vy; e.bounces = e.bounces + 1 end
    yield()
  end
end

-- Walks a square: `side` frames in each direction, stops `pause` frames at each corner, then
-- turns right.
local directions = { { 1, 0 }, { 0, 1 }, { -1, 0 }, { 0, -1 } }
function behaviours.patrol(e)
  while true do
    for heading, d in ipairs(directions) do
      e.heading = heading
      for _ = 1, e.side do
        e.x = e.x + d[1] * e.speed
        e.y = e.y + d[2] * e.speed
        e.steps = e.steps + 1
        yield()
      end
      wait(e.pause)
    end
  end
end

-- Waits `delay` frames, then follows its prey (the patroller spawned before it), a little
-- slower than the prey walks; when it gets within `reach`, it rests for `rest` frames.
function behaviours.chase(e)
  wait(e.delay)
  while true do
    local prey = e.prey
    local dx, dy = prey.x - e.x, prey.y - e.y
    local distance = math.sqrt(dx * dx + dy * dy)
    e.closest = math.min(e.closest, distance)
    if distance <= e.reach then
      e.rests = e.rests + 1
      wait(e.rest)
    else
      e.x = e.x + dx / distance * e.speed
      e.y = e.y + dy / distance * e.speed
      yield()
    end
  end
end

return behaviours
