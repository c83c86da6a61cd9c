// test/lua-beyond51/: programs whose yields lua5.1 refuses but lunette (like LuaJIT and Lua
// 5.2+) allows. lunette must print what LuaJIT printed (the `.luajit.expected.json` files), and
// lua5.1 must still refuse, so each program really tests an extension.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { beyondExpectedPath, listBeyondPrograms } from "../../scripts/golden-beyond51.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const cli = resolve(root, "compiler/dist/cli/main.js");
const programs: string[] = listBeyondPrograms();

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { cwd: root, input: "", encoding: "latin1" });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, error: r.error };
}

describe.runIf(existsSync(cli))("beyond 5.1: lunette agrees with LuaJIT", () => {
  for (const program of programs) {
    test(program, () => {
      const expected = JSON.parse(readFileSync(beyondExpectedPath(program), "utf8"));
      const got = run(process.execPath, [cli, program]);
      expect({
        stdout: got.stdout,
        stderr: got.stderr.replace(/^lunette: /gm, "lua: "),
        status: got.status,
      }).toEqual(expected);
    });
  }
});

describe.runIf(!run("lua5.1", ["-v"]).error)("beyond 5.1: lua5.1 refuses", () => {
  for (const program of programs) {
    test(program, () => {
      const got = run("lua5.1", [program]);
      expect(got.stdout + got.stderr).toContain(
        "attempt to yield across metamethod/C-call boundary",
      );
    });
  }
});
