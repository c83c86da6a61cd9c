// Files the CLI cannot read: the messages and status of lua.c / luac.c (lauxlib.c errfile:
// "cannot open NAME: <strerror>", and "cannot read NAME: Is a directory" for a directory).
// The expected lines were printed by lua5.1 and luac5.1; with those installed the test also
// compares against them directly.

import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cli = resolve(root, "compiler/dist/cli/main.js");
const dir = mkdtempSync(join(tmpdir(), "lunette-cli-files-"));
const missing = join(dir, "missing.lua");

function run(command: string, args: string[]): { stderr: string; status: number | null } {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return { stderr: result.stderr ?? "", status: result.error ? null : result.status };
}

const hasLua = run("lua5.1", ["-v"]).status === 0;
const hasLuac = run("luac5.1", ["-v"]).status === 0;

const CASES: { args: string[]; oracle: string; expected: string }[] = [
  {
    args: [missing],
    oracle: "lua5.1",
    expected: `cannot open ${missing}: No such file or directory`,
  },
  { args: [dir], oracle: "lua5.1", expected: `cannot read ${dir}: Is a directory` },
  {
    args: ["luac", missing],
    oracle: "luac5.1",
    expected: `cannot open ${missing}: No such file or directory`,
  },
  { args: ["luac", dir], oracle: "luac5.1", expected: `cannot read ${dir}: Is a directory` },
];

describe("the CLI on files it cannot read", () => {
  for (const { args, oracle, expected } of CASES) {
    it(`lunette ${args.join(" ")}`, () => {
      const ours = run("node", [cli, ...args]);
      expect(ours.status).toBe(1);
      expect(ours.stderr.replace(/^[^:]+: /, "")).toBe(`${expected}\n`);
      const available = oracle === "lua5.1" ? hasLua : hasLuac;
      if (available) {
        const theirs = run(oracle, args[0] === "luac" ? args.slice(1) : args);
        expect(ours.stderr.replace(/^[^:]+: /, "")).toBe(theirs.stderr.replace(/^[^:]+: /, ""));
        expect(ours.status).toBe(theirs.status);
      }
    });
  }

  it("lunette compile names the system error", () => {
    const ours = run("node", [cli, "compile", missing]);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toContain(`cannot open ${missing}: No such file or directory`);
  });
});
