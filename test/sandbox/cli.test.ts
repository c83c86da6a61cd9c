// The CLI's sandbox flags (compiler/src/cli/budget-flags.ts): a budget that runs out ends the
// run with one line on stderr and status 1; --sandbox applies the profile.

import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const cli = resolve(dirname(fileURLToPath(import.meta.url)), "../../compiler/dist/cli/main.js");

function lunette(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "latin1", timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test.each([
  [["--fuel", "100000"], "while true do end", "fuel budget exhausted"],
  [["--fuel", "100000"], "local function f() return f() end f()", "fuel budget exhausted"],
  [["--max-time", "200"], "while true do end", "time limit exceeded"],
  [["--max-memory", "1000000"], 'print(pcall(string.rep, "x", 2e6))', "not enough memory"],
  [["--max-memory", "1000000"], 'local s = "x" while true do s = s .. s end', "not enough memory"],
  [["--vm", "--fuel", "100000"], "while true do end", "fuel budget exhausted"],
])("%s %s", (flags, code, message) => {
  const r = lunette(...flags, "-e", code);
  expect(r).toEqual({ status: 1, stdout: "", stderr: `lunette: ${message}\n` });
});

test("a script within its budgets runs as usual", () => {
  const r = lunette(
    "--fuel",
    "1e6",
    "--max-memory",
    "1e7",
    "--max-time",
    "10000",
    "-e",
    "print(1)",
  );
  expect(r).toEqual({ status: 0, stdout: "1\n", stderr: "" });
});

test("--sandbox leaves io, debug and os.exit out", () => {
  const r = lunette("--sandbox", "-e", "print(io, debug, os.exit, type(os.time), dofile)");
  expect(r).toEqual({ status: 0, stdout: "nil\tnil\tnil\tfunction\tnil\n", stderr: "" });
});

test("a malformed budget flag is an error", () => {
  const r = lunette("--fuel", "lots", "-e", "print(1)");
  expect(r.status).toBe(1);
  expect(r.stderr).toBe("lunette: --fuel expects a non-negative number\n");
});
