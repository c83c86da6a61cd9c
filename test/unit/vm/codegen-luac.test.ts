// `lunette luac` (compiler/src/cli/luac-command.ts) against luac5.1: the same listings, chunk
// files, messages and exit statuses. Expected texts were taken from luac5.1 runs (its program
// name `luac5.1` replaced by `luac`); when luac5.1 is installed the chunks are also compared
// live.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runLuacCommand } from "../../../compiler/src/cli/luac-command.js";

const HAVE_LUAC = spawnSync("luac5.1", ["-v"], { stdio: "ignore" }).status === 0;

const dir = mkdtempSync(join(tmpdir(), "lunette-luac-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => join(dir, name);
writeFileSync(at("a.lua"), "print(1)\n");
writeFileSync(at("b.lua"), "local y = 2 print(y)\n");
writeFileSync(at("bad.lua"), "x = = 1\n");

let stdout: string;
let stderr: string;
beforeEach(() => {
  stdout = stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("latin1");
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Files are named by absolute paths (workers cannot chdir): show them as luac5.1 run in `dir`. */
const normalize = (s: string): string =>
  s.replaceAll(`${dir}/`, "").replace(/0x[0-9a-f]+/g, "ADDR");

const USAGE = `usage: luac [options] [filenames].
Available options are:
  -        process stdin
  -l       list
  -o name  output to file 'name' (default is "luac.out")
  -p       parse only
  -s       strip debug information
  -v       show version information
  --       stop handling options
`;

describe("lunette luac", () => {
  it("lists a file with -l -l -p", () => {
    expect(runLuacCommand(["-l", "-l", "-p", at("a.lua")])).toBe(0);
    expect(normalize(stdout)).toBe(`
main <a.lua:0,0> (4 instructions, 16 bytes at ADDR)
0+ params, 2 slots, 0 upvalues, 0 locals, 2 constants, 0 functions
\t1\t[1]\tGETGLOBAL\t0 -1\t; print
\t2\t[1]\tLOADK    \t1 -2\t; 1
\t3\t[1]\tCALL     \t0 2 1
\t4\t[1]\tRETURN   \t0 1
constants (2) for ADDR:
\t1\t"print"
\t2\t1
locals (0) for ADDR:
upvalues (0) for ADDR:
`);
  });

  it("combines several files into one main function", () => {
    expect(runLuacCommand(["-l", "-p", at("a.lua"), at("b.lua")])).toBe(0);
    expect(normalize(stdout)).toContain(`
main <(luac):0,0> (5 instructions, 20 bytes at ADDR)
0 params, 1 slot, 0 upvalues, 0 locals, 0 constants, 2 functions
\t1\t[-]\tCLOSURE  \t0 0\t; ADDR
\t2\t[-]\tCALL     \t0 1 1
\t3\t[-]\tCLOSURE  \t0 1\t; ADDR
\t4\t[-]\tCALL     \t0 1 1
\t5\t[-]\tRETURN   \t0 1
`);
  });

  it("writes -o files and standard output; lists a binary chunk", () => {
    expect(runLuacCommand(["-o", at("a.luac"), at("a.lua")])).toBe(0);
    const chunk = readFileSync(at("a.luac"), "latin1");
    expect(chunk.startsWith("\x1bLua\x51")).toBe(true);
    expect(runLuacCommand(["-o", "-", at("a.lua")])).toBe(0);
    expect(stdout).toBe(chunk);
    stdout = "";
    expect(runLuacCommand(["-l", "-p", at("a.luac")])).toBe(0);
    expect(normalize(stdout)).toContain("main <a.lua:0,0> (4 instructions, 16 bytes at ADDR)");
  });

  it.skipIf(!HAVE_LUAC)("writes the chunks luac5.1 writes", () => {
    for (const args of [
      [at("a.lua")],
      ["-s", at("a.lua"), at("b.lua")],
      [at("b.lua"), at("a.lua")],
    ]) {
      expect(runLuacCommand(["-o", at("mine.luac"), ...args])).toBe(0);
      spawnSync("luac5.1", ["-o", "ref.luac", ...args], { cwd: dir });
      expect(readFileSync(at("mine.luac"), "latin1")).toBe(readFileSync(at("ref.luac"), "latin1"));
    }
  });

  it("reports errors as luac5.1 does", () => {
    expect(runLuacCommand([at("bad.lua")])).toBe(1);
    expect(normalize(stderr)).toBe("luac: bad.lua:1: unexpected symbol near '='\n");
    stderr = "";
    expect(runLuacCommand([at("nofile.lua")])).toBe(1);
    expect(normalize(stderr)).toBe("luac: cannot open nofile.lua: No such file or directory\n");
    stderr = "";
    expect(runLuacCommand(["-o", join(dir, "no/such/dir"), at("a.lua")])).toBe(1);
    expect(stderr).toBe(
      `luac: cannot open ${join(dir, "no/such/dir")}: No such file or directory\n`,
    );
    stderr = "";
    writeFileSync(at("short.luac"), "\x1bLua\x51");
    expect(runLuacCommand([at("short.luac")])).toBe(1);
    expect(normalize(stderr)).toBe("luac: short.luac: unexpected end in precompiled chunk\n");
  });

  it("prints usage for bad options and no input", () => {
    expect(runLuacCommand([])).toBe(1);
    expect(stderr).toBe(`luac: no input files given\n${USAGE}`);
    stderr = "";
    expect(runLuacCommand(["-x", at("a.lua")])).toBe(1);
    expect(stderr).toBe(`luac: unrecognized option '-x'\n${USAGE}`);
    stderr = "";
    expect(runLuacCommand(["-o"])).toBe(1);
    expect(stderr).toBe(`luac: '-o' needs argument\n${USAGE}`);
  });

  it("shows the version with -v", () => {
    expect(runLuacCommand(["-v"])).toBe(0);
    expect(stdout).toBe("Lua 5.1.5  Copyright (C) 1994-2012 Lua.org, PUC-Rio\n");
  });
});
