// The page: the world and its rules are Lua (lua/game.lua and the modules it requires); JS
// draws it on a canvas each animation frame. `?paused` leaves the stepping to the caller
// (the browser test drives `window.lunetteGame`).

import game from "./lua/game.lua";

const canvas = document.getElementById("screen");
const context = canvas.getContext("2d");
const frameLabel = document.getElementById("frame");

const params = new URLSearchParams(location.search);
const world = game.new_world(Number(params.get("seed") ?? 42), Number(params.get("count") ?? 9));

function draw() {
  context.clearRect(0, 0, canvas.width, canvas.height);
  // world.entities is a Lua table: a proxy whose number keys are the Lua indices.
  for (const e of Object.values(world.entities)) {
    context.fillStyle = e.colour;
    context.fillRect(e.x - e.size / 2, e.y - e.size / 2, e.size, e.size);
  }
  frameLabel.textContent = String(world.frame);
}

function tick() {
  game.step(world, 1);
  draw();
  requestAnimationFrame(tick);
}

window.lunetteGame = {
  step(frames) {
    const frame = game.step(world, frames);
    draw();
    return frame;
  },
  snapshot: () => game.snapshot(world),
  explode() {
    try {
      game.explode(world);
      return undefined;
    } catch (error) {
      return {
        name: error.name,
        message: error.message,
        stack: error.stack,
        traceback: error.traceback,
      };
    }
  },
};

draw();
if (!params.has("paused")) requestAnimationFrame(tick);
