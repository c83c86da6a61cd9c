-- The game under lua5.1: `lua5.1 lua/simulate.lua SEED COUNT FRAMES` from examples/browser-game
-- prints the snapshot the browser test compares with the page's.
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
local game = require("game")
local seed, count, frames = tonumber(arg[1]) or 42, tonumber(arg[2]) or 9, tonumber(arg[3]) or 300
local world = game.new_world(seed, count)
game.step(world, frames)
print(game.snapshot(world))
