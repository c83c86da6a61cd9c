// The browser example (examples/browser-game) in headless Chromium, built by rollup and by
// Vite 7: after N frames the page's world equals what lua5.1 computes from the same Lua files;
// a Lua error thrown in the page has a stack frame that the source map puts on the .lua line;
// a screenshot is taken. Needs /usr/bin/chromium (Debian's `chromium` package; .ci/run installs
// it) and playwright-core (a devDependency); installs nothing itself and is skipped otherwise.
// Expected values: game.golden.txt, printed by lua5.1 in examples/browser-game:
//   lua5.1 lua/simulate.lua 42 9 300; and the message of pcall(game.explode, new_world(42, 9)).
// When lua5.1 is installed the test also recomputes them live.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SourceMapConsumer } from "source-map";
import { afterAll, describe, expect, test } from "vitest";
import { browserAvailable, CHROMIUM, launchChromium, serve } from "./harness.js";

const example = fileURLToPath(new URL("../../examples/browser-game/", import.meta.url));

const available = browserAvailable;
if (!available)
  console.warn(
    `test/browser skipped: needs ${CHROMIUM} (apt-get install chromium) and playwright-core`,
  );

function hasLua(): boolean {
  try {
    execFileSync("lua5.1", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const SEED = 42;
const COUNT = 9;
const FRAMES = 300;

/** The snapshot and the explode message, from the golden file (and live lua5.1 when present). */
function expected(): { snapshot: string; explodeMessage: string } {
  const golden = readFileSync(new URL("./game.golden.txt", import.meta.url), "utf8").trimEnd();
  const lines = golden.split("\n");
  const result = { snapshot: lines.slice(0, -1).join("\n"), explodeMessage: lines.at(-1) ?? "" };
  if (hasLua()) {
    const live = execFileSync("lua5.1", ["lua/simulate.lua", `${SEED}`, `${COUNT}`, `${FRAMES}`], {
      cwd: example,
      encoding: "utf8",
    }).trimEnd();
    expect(live).toBe(result.snapshot);
  }
  return result;
}

/** Maps the first stack frame that lands in a .lua file through the served file's source map. */
async function luaFrame(
  stack: string,
  dir: string,
  url: string,
): Promise<{ source: string; line: number } | undefined> {
  const framePattern = /(http:\/\/127\.0\.0\.1:\d+)(\/[^\s)]+\.js):(\d+):(\d+)/g;
  for (const match of stack.matchAll(framePattern)) {
    if (match[1] !== url) continue;
    const map = JSON.parse(readFileSync(join(dir, `${match[2]}.map`), "utf8"));
    const position = await SourceMapConsumer.with(map, null, (consumer) =>
      consumer.originalPositionFor({ line: Number(match[3]), column: Number(match[4]) - 1 }),
    );
    if (position.source?.endsWith(".lua"))
      return { source: position.source, line: position.line ?? 0 };
  }
  return undefined;
}

describe.skipIf(!available)("browser game in headless Chromium", () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  const builders = {
    rollup: "buildWithRollup",
    vite: "buildWithVite",
  } as const;

  for (const [bundler, builder] of Object.entries(builders)) {
    test(`${bundler} build: state after ${FRAMES} frames, Lua error stack, screenshot`, async () => {
      const want = expected();
      const build = await import(pathToFileURL(join(example, "build.mjs")).href);
      const dir: string = await build[builder](mkdtempSync(join(tmpdir(), `lunette-${bundler}-`)));
      const { url, server } = await serve(dir);
      servers.push(server);

      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const pageErrors: string[] = [];
        page.on("pageerror", (e) => pageErrors.push(String(e)));
        await page.goto(`${url}/index.html?paused&seed=${SEED}&count=${COUNT}`);
        await page.waitForFunction(() => "lunetteGame" in window);

        const frame = await page.evaluate((n) => (window as any).lunetteGame.step(n), FRAMES);
        expect(frame).toBe(FRAMES);
        const snapshot = await page.evaluate(() => (window as any).lunetteGame.snapshot());
        expect(snapshot).toBe(want.snapshot);

        const error = await page.evaluate(() => (window as any).lunetteGame.explode());
        expect(error.name).toBe("LuaError");
        expect(error.message).toBe(want.explodeMessage);
        expect(error.traceback).toContain("stack traceback:");
        const frameInLua = await luaFrame(error.stack, dir, url);
        const line = Number(/:(\d+):/.exec(want.explodeMessage)?.[1]);
        expect(frameInLua?.source).toMatch(/lua\/entities\/init\.lua$/);
        expect(frameInLua?.line).toBe(line);

        const screenshot = join(tmpdir(), `lunette-browser-game-${bundler}.png`);
        writeFileSync(screenshot, await page.locator("canvas").screenshot());
        expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG");
        console.log(`screenshot: ${screenshot}`);
        expect(pageErrors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
