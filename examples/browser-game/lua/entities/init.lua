-- Entities: kinds with a colour, a size and a behaviour (entities/behaviours.lua). Each entity
-- runs its behaviour in its own coroutine, resumed once per frame.
local behaviours = require("entities.behaviours")

local entities = {}

local kinds = {
  bouncer = { colour = "#e4572e", size = 6, behaviour = behaviours.bounce },
  patroller = { colour = "#29335c", size = 8, behaviour = behaviours.patrol },
  chaser = { colour = "#669bbc", size = 5, behaviour = behaviours.chase },
}

function entities.spawn(kind, id, rng, world)
  local k = kinds[kind]
  local e = {
    id = id, kind = kind, colour = k.colour, size = k.size,
    x = rng:range(10, world.width - 10), y = rng:range(10, world.height - 10),
  }
  if kind == "bouncer" then
    e.vx, e.vy, e.bounces = rng:range(1, 3), rng:range(1, 3), 0
  elseif kind == "patroller" then
    e.heading, e.steps, e.side, e.pause, e.speed = 1, 0, rng:range(10, 40), rng:range(0, 5), 1.5
  else
    e.speed, e.closest, e.reach, e.rests = 1.25, math.huge, 12, 0
    e.delay, e.rest = rng:range(0, 30), rng:range(5, 20)
    e.prey = world.entities[id - 1]
  end
  -- Lua 5.1 manual 2.11: the first call of a wrapped coroutine passes its arguments to the
  -- body; later calls resume it after its last coroutine.yield().
  e.think = coroutine.wrap(k.behaviour)
  return e
end

-- One frame of an entity: resumes its behaviour until its next yield.
function entities.update(e, world)
  e.think(e, world)
end

-- Raises a Lua runtime error on purpose (the browser test looks for this line in the stack).
function entities.explode(e)
  local target = e.target
  return target.position
end

return entities
