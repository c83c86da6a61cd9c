-- The game's logic, imported from JS (main.js) and run by lua5.1 in the tests (simulate.lua).
local entities = require("entities")
local rng = require("rng")

local game = {}

function game.new_world(seed, count)
  local world = { width = 320, height = 240, frame = 0, entities = {} }
  local random = rng.new(seed)
  local kinds = { "bouncer", "patroller", "chaser" }
  for i = 1, count do
    world.entities[i] = entities.spawn(kinds[(i - 1) % 3 + 1], i, random, world)
  end
  return world
end

function game.step(world, frames)
  for _ = 1, frames or 1 do
    world.frame = world.frame + 1
    for _, e in ipairs(world.entities) do
      entities.update(e, world)
    end
  end
  return world.frame
end

-- A text summary of the world, identical wherever the same Lua runs.
function game.snapshot(world)
  local lines = { "frame " .. world.frame }
  for _, e in ipairs(world.entities) do
    local extra = e.bounces or e.heading or string.format("%.4f %d", e.closest, e.rests)
    lines[#lines + 1] = string.format("%d %s %.4f %.4f %s", e.id, e.kind, e.x, e.y, tostring(extra))
  end
  return table.concat(lines, "\n")
end

function game.explode(world)
  return entities.explode(world.entities[1])
end

return game
