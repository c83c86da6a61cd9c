-- Entities: kinds with a colour, a size and a behaviour (entities/behaviours.lua).
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
    e.heading, e.steps, e.side, e.speed = 1, 0, rng:range(10, 40), 1.5
  else
    e.speed, e.closest = 0.75, math.huge
  end
  return e
end

function entities.update(e, world)
  kinds[e.kind].behaviour(e, world)
end

-- Raises a Lua runtime error on purpose (the browser test looks for this line in the stack).
function entities.explode(e)
  local target = e.target
  return target.position
end

return entities
