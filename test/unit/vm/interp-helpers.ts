// Helpers for the VM interpreter tests: compile a Lua program with luac5.1 (when it is on
// PATH), run the chunk on Lunette's VM with a buffer host, and run the same program on lua5.1
// for the expected output.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as runtime from "@lunette/runtime";
import { closureOf } from "../../../vm/src/load.js";
import { undump } from "../../../vm/src/undump.js";

export const hasLua = spawnSync("lua5.1", ["-v"]).status === 0;
export const hasLuac = spawnSync("luac5.1", ["-v"]).status === 0;

const dir = mkdtempSync(join(tmpdir(), "lunette-vm-"));
let counter = 0;

export interface Outcome {
  out: string;
  error: string | undefined;
}

/** Writes `source` to a fresh file named `name` and returns its path. */
export function writeProgram(source: string, name = `p${++counter}.lua`): string {
  const path = join(dir, name);
  writeFileSync(path, source, "latin1");
  return path;
}

/** luac5.1 [-s] -o: the binary chunk of `path` as a byte string. */
export function luac(path: string, strip = false): string {
  const out = `${path}.${strip ? "s" : ""}luac`;
  const r = spawnSync("luac5.1", [...(strip ? ["-s"] : []), "-o", out, path], { cwd: dir });
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return readFileSync(out, "latin1");
}

/** lua5.1 on a file: stdout and the error message (the first stderr line, prefix removed). */
export function runLua(path: string): Outcome {
  const r = spawnSync("lua5.1", [path], { cwd: dir, encoding: "latin1" });
  const stderr = r.stderr as string;
  const error =
    r.status === 0
      ? undefined
      : stderr
          .split("\nstack traceback:")[0]
          .replace(/^lua5\.1: /, "")
          .replace(/\n$/, "");
  return { out: r.stdout as string, error };
}

/** Runs a binary chunk on the VM under chunk name `chunkName`. */
export function runVm(chunk: string, chunkName: string): Outcome {
  const host = runtime.createBufferHost();
  const globals = runtime.createGlobals(host);
  const depth = runtime.S.depth;
  let error: string | undefined;
  try {
    const main = closureOf(undump(chunk, chunkName), globals);
    main();
  } catch (e) {
    runtime.S.depth = depth;
    const value = runtime.errorValueOf(e);
    error =
      typeof value === "string" || typeof value === "number"
        ? runtime.tostring(value)
        : "(error object is not a string)";
  }
  return { out: host.out, error };
}
