// loadstring under a strict Content-Security-Policy (`script-src 'self'`: no eval, no
// new Function) in headless Chromium: a rollup bundle of a compiled Lua module
// (test/browser/csp/lua/console.lua) that calls loadstring, load and string.dump. The VM is a
// separate chunk the page imports on first use, so the main chunk does not contain it.
// Needs /usr/bin/chromium and playwright-core, like game.test.ts; skipped otherwise.
// Expected values were printed by lua5.1 running console.lua from test/browser/csp with
// package.path "./lua/?.lua" (the bundle's chunk names); recomputed live when installed.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { browserAvailable, launchChromium, serve } from "./harness.js";

const fixture = fileURLToPath(new URL("./csp/", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(join(root, "rollup-plugin/package.json"));
const POLICY = "script-src 'self'";

const available = browserAvailable;

/** What the page is asked to run, and lua5.1's answers (console.lua's functions). */
const CASES: [call: string, args: string[], expected: string][] = [
  ["run", ["return 6 * 7, 'x' .. 1"], "true 42 x1"],
  ["run", ["return ("], "compile error: console:1: unexpected symbol near '<eof>'"],
  ["run", ["error('boom')"], "false console:1: boom"],
  [
    "run",
    [
      "local t = setmetatable({}, {__index = function(_, k) return k .. '!' end}) return t.hi, #string.rep('ab', 3)",
    ],
    "true hi! 6",
  ],
  ["run_pieces", ["local a = 1", "0 return a ", "* 4"], "40"],
  ["round_trip", [], "57 117"],
];

function luaString(s: string): string {
  return `"${s.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** lua5.1's answers, when it is installed. */
function oracle(): string[] | undefined {
  const script = [
    `package.path = "./lua/?.lua"`,
    `local console = require("console")`,
    ...CASES.map(([call, args]) => `print(console.${call}(${args.map(luaString).join(", ")}))`),
  ].join("\n");
  try {
    return execFileSync("lua5.1", ["-e", script], { cwd: fixture, encoding: "latin1" })
      .trimEnd()
      .split("\n");
  } catch {
    return undefined;
  }
}

/** rollup with the Lunette plugin: main.js plus the VM's own chunk. */
async function build(outDir: string): Promise<string> {
  const { rollup } = await import("rollup");
  const { default: lunette } = await import("@lunette/rollup-plugin");
  const { default: nodeResolve } = await import(require.resolve("@rollup/plugin-node-resolve"));
  const bundle = await rollup({
    input: join(fixture, "main.js"),
    plugins: [lunette({ cwd: fixture, path: "./lua/?.lua" }), nodeResolve({ browser: true })],
    onwarn(warning, warn) {
      if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
    },
  });
  await bundle.write({ dir: outDir, format: "es", entryFileNames: "main.js" });
  await bundle.close();
  copyFileSync(join(fixture, "index.html"), join(outDir, "index.html"));
  return outDir;
}

describe.skipIf(!available)("loadstring under script-src 'self' in headless Chromium", () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  test("the VM runs Lua compiled at run time; eval stays blocked; the VM is loaded on use", async () => {
    const live = oracle();
    if (live !== undefined) expect(live).toEqual(CASES.map(([, , expected]) => expected));

    const dir = await build(mkdtempSync(join(tmpdir(), "lunette-csp-")));
    // The VM (its undumper's messages among the rest) is in another chunk than main.js.
    const chunks = readdirSync(dir).filter((f) => f.endsWith(".js"));
    const holdsVm = (f: string) =>
      readFileSync(join(dir, f), "latin1").includes("in precompiled chunk");
    expect(holdsVm("main.js")).toBe(false);
    const vmChunks = chunks.filter(holdsVm);
    expect(vmChunks.length).toBe(1);

    const requested: string[] = [];
    const { url, server } = await serve(dir, {
      headers: { "content-security-policy": POLICY },
      requested,
    });
    servers.push(server);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      const violations: string[] = [];
      page.on("pageerror", (e: Error) => pageErrors.push(String(e)));
      page.on("console", (m: { text(): string }) => {
        if (/Content Security Policy/.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${url}/index.html`);
      await page.waitForFunction(() => "lunetteCsp" in window);
      expect(requested.some((p) => p === `/${vmChunks[0]}`)).toBe(false);

      // The policy is in force: the page itself cannot eval.
      expect(await page.evaluate(() => (window as any).lunetteCsp.evalBlocked())).toBe(true);
      violations.length = 0;

      for (const [call, args, expected] of CASES) {
        const method = { run: "run", run_pieces: "runPieces", round_trip: "roundTrip" }[call]!;
        const got = await page.evaluate(
          ([m, a]) => (window as any).lunetteCsp[m as string](...(a as string[])),
          [method, args] as const,
        );
        expect(got).toBe(expected);
      }
      expect(requested).toContain(`/${vmChunks[0]}`);
      expect(violations).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
