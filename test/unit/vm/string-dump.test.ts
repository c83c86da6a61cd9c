// string.dump end to end: the lunette CLI (compiled and --vm) writes chunks of its functions,
// and lua5.1 loads and runs them with the same output as chunks it dumped itself.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const CLI = join(ROOT, "compiler/dist/cli/main.js");
const HAVE_LUA = spawnSync("lua5.1", ["-v"]).status === 0;
const work = mkdtempSync(join(tmpdir(), "lunette-dump-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Writes one chunk per function to dump-<n>.luac, then loads each back in the same engine.
const writer = `
local base = 10
local function add(a, b) return a + b + (base or 0) end
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local t = {}
function t.greet(name, ...) return "hello " .. name .. select("#", ...) end
local make = loadstring("return function(x) local s = 0 for i = 1, x do s = s + i end return s end")()
for n, f in ipairs({ add, fib, t.greet, make }) do
  local file = assert(io.open(arg[1] .. "/dump-" .. n .. ".luac", "wb"))
  file:write(string.dump(f))
  file:close()
  print(n, pcall(loadstring(string.dump(f)), 6, 7))
end
`;

// Runs the dumped chunks (their upvalues are nil after loading, as lua5.1's f_parser leaves them).
const reader = `
for n = 1, 4 do
  local f = assert(loadfile(arg[1] .. "/dump-" .. n .. ".luac"))
  print(n, pcall(f, 6, 7))
end
`;

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { cwd: work, encoding: "latin1" });
  expect(r.stderr).toBe("");
  return r.stdout;
}

describe.skipIf(!HAVE_LUA)("string.dump", () => {
  writeFileSync(join(work, "writer.lua"), writer);
  writeFileSync(join(work, "reader.lua"), reader);
  for (const mode of [[], ["--vm"]]) {
    it(`loads back and runs in lua5.1 (lunette ${mode.join(" ") || "compiled"})`, () => {
      const dir = join(work, mode.length > 0 ? "vm" : "compiled");
      const oracle = join(work, "oracle");
      for (const d of [dir, oracle]) rmSync(d, { recursive: true, force: true });
      for (const d of [dir, oracle]) mkdirSync(d);
      const expected = run("lua5.1", ["writer.lua", oracle]);
      expect(run("node", [CLI, ...mode, "writer.lua", dir])).toBe(expected);
      // byte-identical chunks, which lua5.1 and lunette run alike
      for (let n = 1; n <= 4; n++) {
        expect(
          spawnSync("cmp", [join(dir, `dump-${n}.luac`), join(oracle, `dump-${n}.luac`)]).status,
        ).toBe(0);
      }
      const ran = run("lua5.1", ["reader.lua", dir]);
      expect(ran).toBe(run("lua5.1", ["reader.lua", oracle]));
      expect(run("node", [CLI, ...mode, "reader.lua", dir])).toBe(ran);
    });
  }
});
