// `lunette -i` with piped input prints what lua5.1 (built with GNU readline, which echoes each
// line after its prompt when the input is not a terminal) prints: prompts, `>>` continuation,
// `=` lines, errors on stderr. The expected stdout was printed by lua5.1; with lua5.1
// installed the test also compares against it directly.

import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cli = resolve(root, "compiler/dist/cli/main.js");
const INPUT = 'x = 1\nprint(x + 1)\n= x\nfor i=1,2 do\nprint(i)\nend\n1+1\nerror("x")\n';
const LUA51_STDOUT =
  "> x = 1\n> print(x + 1)\n2\n> = x\n1\n> for i=1,2 do\n>> print(i)\n>> end\n1\n2\n" +
  '> 1+1\n> error("x")\n> \n';

function run(command: string, args: string[]) {
  return spawnSync(command, args, { input: INPUT, encoding: "utf8" });
}

const hasLua = spawnSync("lua5.1", ["-v"]).status === 0;

describe("lunette -i on piped input", () => {
  it("echoes each line after its prompt and prints results like lua5.1", () => {
    const ours = run("node", [cli, "-i"]);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe(LUA51_STDOUT);
    expect(ours.stderr).toContain("stdin:1: unexpected symbol near '1'");
    expect(ours.stderr).toContain("stdin:1: x\nstack traceback:");
    if (hasLua) {
      const theirs = run("lua5.1", ["-i"]);
      expect(ours.stdout).toBe(theirs.stdout);
      expect(ours.stderr).toBe(theirs.stderr);
    }
  });
});
