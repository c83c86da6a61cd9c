// Source-mapped debugging of the browser example (examples/browser-game), as a developer meets it:
// - Chromium devtools: through a CDP session (what devtools itself speaks), a breakpoint is set
//   on a .lua line the way devtools sets one for a source-mapped file (the line's generated
//   positions from the bundle's map), the game is stepped, and the debugger must pause there:
//   the paused location and the Lua frames below it map back to the .lua files and lines. The
//   line is in a coroutine behaviour, so the pause happens inside its resumable form.
// - Node: `node --enable-source-maps` prints a Lua error's stack with the .lua files and lines.
// The browser part needs /usr/bin/chromium and playwright-core, like game.test.ts; skipped
// otherwise. Expected Lua error text: lua5.1 in examples/browser-game (recomputed live when
// installed), see NODE_ERROR below. The bundles import the built runtime (runtime/dist): run
// `npm run build` first.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import nodeResolve from "@rollup/plugin-node-resolve";
import { rollup } from "rollup";
import { SourceMapConsumer } from "source-map";
import { afterAll, describe, expect, test } from "vitest";
import lunette from "../../rollup-plugin/src/index.js";
import { browserAvailable, CHROMIUM, launchChromium, serve } from "./harness.js";

const example = fileURLToPath(new URL("../../examples/browser-game/", import.meta.url));
const luaPath = "./lua/?.lua;./lua/?/init.lua";

const available = browserAvailable;
if (!available)
  console.warn(
    `test/browser/devtools skipped: needs ${CHROMIUM} (apt-get install chromium) and playwright-core`,
  );

/** The 1-based line of the first line of a .lua file of the example that contains `text`. */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(join(example, file), "latin1").split("\n");
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${file} has no line with ${text}`);
  return index + 1;
}

/** A promise of the next `event` of a CDP session, rejected after `ms`. */
function nextEvent<T>(session: any, event: string, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    session.once(event, (params: T) => {
      clearTimeout(timer);
      resolve(params);
    });
  });
}

type Location = { scriptId: string; lineNumber: number; columnNumber?: number };
type Paused = {
  reason: string;
  hitBreakpoints?: string[];
  callFrames: { functionName: string; location: Location }[];
};

describe.skipIf(!available)("devtools in headless Chromium", () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  test("a breakpoint on a .lua line inside a coroutine behaviour pauses there", async () => {
    const build = await import(pathToFileURL(join(example, "build.mjs")).href);
    const dir: string = await build.buildWithRollup(mkdtempSync(join(tmpdir(), "lunette-cdp-")));
    const { url, server } = await serve(dir);
    servers.push(server);
    const map = JSON.parse(readFileSync(join(dir, "main.js.map"), "utf8"));
    const sourceOf = (file: string): string => {
      const source = map.sources.find((s: string) => s.endsWith(`browser-game/${file}`));
      expect(source, `${file} in the bundle's source map`).toBeDefined();
      return source;
    };

    // The Lua line: the bouncer's first move (behaviours.bounce runs as a coroutine).
    const target = { file: "lua/entities/behaviours.lua", line: 0 };
    target.line = lineOf(target.file, "e.x = e.x + e.vx");
    // Devtools shows the map's own copy of the .lua file: it must be the file on disk.
    const behaviours = sourceOf(target.file);
    expect(map.sourcesContent[map.sources.indexOf(behaviours)]).toBe(
      readFileSync(join(example, target.file), "latin1"),
    );

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      const scripts: { scriptId: string; url: string; sourceMapURL: string }[] = [];
      cdp.on("Debugger.scriptParsed", (script: any) => scripts.push(script));
      await cdp.send("Debugger.enable");
      await page.goto(`${url}/index.html?paused&seed=42&count=9`);
      await page.waitForFunction(() => "lunetteGame" in window);

      // The bundle is announced with its source map, as devtools needs to show .lua files.
      const scriptUrl = `${url}/main.js`;
      const main = scripts.find((s) => s.url === scriptUrl);
      expect(main?.sourceMapURL).toBe("main.js.map");

      // Devtools' way to set a breakpoint on an original line: one per generated line that the
      // map sends it to (the function's direct form and its resumable form, f.co), at the first
      // mapped column of that line.
      const generated = await SourceMapConsumer.with(map, null, (consumer) =>
        consumer.allGeneratedPositionsFor({ source: behaviours, line: target.line }),
      );
      const firstColumns = new Map<number, number>();
      for (const { line, column } of generated)
        if (line !== null && column !== null)
          firstColumns.set(line, Math.min(column, firstColumns.get(line) ?? column));
      expect(firstColumns.size).toBeGreaterThanOrEqual(2);
      const breakpoints: string[] = [];
      for (const [line, column] of firstColumns) {
        const set: any = await cdp.send("Debugger.setBreakpointByUrl", {
          url: scriptUrl,
          lineNumber: line - 1,
          columnNumber: column,
        });
        breakpoints.push(set.breakpointId);
      }

      // One frame of the game resumes each entity's coroutine: the first bouncer hits the line.
      const paused = nextEvent<Paused>(cdp, "Debugger.paused", 15_000);
      const stepping = page.evaluate(() => (window as any).lunetteGame.step(1));
      stepping.catch(() => undefined); // awaited below; a failure before then closes the page
      const { reason, hitBreakpoints, callFrames } = await paused;
      expect(reason).toBe("other");
      expect(hitBreakpoints?.length).toBeGreaterThan(0);
      expect(breakpoints).toEqual(expect.arrayContaining(hitBreakpoints!));

      // The paused frame and the Lua frames under it, mapped back as devtools shows them.
      const luaFrames = await SourceMapConsumer.with(map, null, (consumer) =>
        callFrames
          .filter((frame) => frame.location.scriptId === main?.scriptId)
          .map((frame) =>
            consumer.originalPositionFor({
              line: frame.location.lineNumber + 1,
              column: frame.location.columnNumber ?? 0,
            }),
          )
          .filter((position) => position.source?.endsWith(".lua"))
          .map(
            (position) => `${position.source!.replace(/^.*browser-game\//, "")}:${position.line}`,
          ),
      );
      // The Lua frames devtools lists: the behaviour (paused inside its coroutine), then, below
      // the runtime's resume, entities.update resuming it and game.step's loop (called from JS).
      expect(luaFrames).toEqual([
        `${target.file}:${target.line}`,
        `lua/entities/init.lua:${lineOf("lua/entities/init.lua", "e.think(e, world)")}`,
        `lua/game.lua:${lineOf("lua/game.lua", "entities.update(e, world)")}`,
      ]);

      for (const breakpointId of breakpoints)
        await cdp.send("Debugger.removeBreakpoint", { breakpointId });
      await cdp.send("Debugger.resume");
      expect(await stepping).toBe(1);
    } finally {
      await browser.close();
    }
  });
});

/**
 * lua5.1 in examples/browser-game, for the chaser whose prey is taken away (auxwrap prefixes the
 * error from inside the coroutine with the position of the call that resumed it):
 *   w = game.new_world(42, 9); w.entities[3].prey = nil; pcall(game.step, w, 30)
 */
const NODE_ERROR =
  "./lua/entities/init.lua:36: ./lua/entities/behaviours.lua:49: attempt to index local 'prey' (a nil value)";

function lua51Error(): string {
  try {
    const script = `package.path = "${luaPath};" .. package.path
      local game = require("game")
      local world = game.new_world(42, 9)
      world.entities[3].prey = nil
      print(select(2, pcall(game.step, world, 30)))`;
    return execFileSync("lua5.1", ["-e", script], { cwd: example, encoding: "utf8" }).trimEnd();
  } catch {
    return NODE_ERROR;
  }
}

describe("node --enable-source-maps", () => {
  test("a Lua error raised in a coroutine behaviour has a stack through the .lua lines", async () => {
    const bundle = await rollup({
      input: join(example, "lua/game.lua"),
      plugins: [lunette({ cwd: example, path: luaPath }), nodeResolve()],
      onwarn(warning, warn) {
        if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
      },
    });
    const out = mkdtempSync(join(tmpdir(), "lunette-node-maps-"));
    await bundle.write({ file: join(out, "game.js"), format: "es", sourcemap: true });
    await bundle.close();
    writeFileSync(
      join(out, "run.mjs"),
      [
        `import game from "./game.js";`,
        `const world = game.new_world(42, 9);`,
        `world.entities[3].prey = undefined;`,
        `try { game.step(world, 30); } catch (e) { console.log(e.stack); }`,
      ].join("\n"),
    );
    const stack = execFileSync(process.execPath, ["--enable-source-maps", join(out, "run.mjs")], {
      encoding: "utf8",
    });
    const message = lua51Error();
    expect(message).toBe(NODE_ERROR);
    expect(stack.split("\n")[0]).toBe(`LuaError: ${message}`);
    const luaLines = [...stack.matchAll(/browser-game\/(lua\/[\w/]+\.lua):(\d+):\d+/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(luaLines).toEqual([
      `lua/entities/init.lua:${lineOf("lua/entities/init.lua", "e.think(e, world)")}`,
      `lua/game.lua:${lineOf("lua/game.lua", "entities.update(e, world)")}`,
    ]);
  });
});
