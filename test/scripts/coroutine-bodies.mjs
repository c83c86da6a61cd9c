#!/usr/bin/env node
// Runs every corpus program as the body of a coroutine, on lua5.1 and on lunette (compiled, or
// the VM with --vm), and reports where they differ. Inside a coroutine all of a program's
// code runs in its resumable form (compiled generators, the VM's execute-resumable.ts), which
// the corpus alone never exercises for most programs.
//
//   node test/scripts/coroutine-bodies.mjs [--vm]
//
// The wrapper keeps line numbers (it adds nothing before the program's first line):
//   local __co = coroutine.wrap(function(...) <program>
//   end) __co(...)
// Programs that depend on the main thread, time, addresses, the debug library or stdin are
// skipped; EXPECTED lists the differences that follow from documented behaviour.
// Needs lua5.1 on PATH and a built CLI. Not part of `npm test` (three processes per program).

import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { comparable as norm } from "./compare.mjs";
import { listPrograms } from "./golden.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const cli = join(root, "compiler/dist/cli/main.js");
const mode = process.argv.includes("--vm") ? ["--vm"] : [];

/** Sources using these are skipped: their output depends on the main thread, time or memory. */
const SKIP =
  /os\.time|os\.clock|os\.date|collectgarbage|io\.|%p|debug\.|getfenv|setfenv|traceback|coroutine\.running|error\(.*, *[2-9]\)|stdin/;

/** Differences that follow from documented behaviour (docs/stdlib.md, coroutine). */
const EXPECTED = new Map([
  ["test/lua/coroutine/errors.lua", "yields across pcall are allowed (beyond 5.1, as LuaJIT)"],
  ["test/lua/coroutine/yield_across_c.lua", "yields across pcall are allowed"],
  ["test/lua/coroutine/yield_in_tail_calls.lua", "yields across pcall are allowed"],
]);

let checked = 0;
const unexpected = [];
for (const program of listPrograms()) {
  const source = readFileSync(join(root, program), "latin1");
  if (SKIP.test(source)) continue;
  const dir = dirname(join(root, program));
  const name = `__co_${basename(program)}`;
  writeFileSync(
    join(dir, name),
    `local __co = coroutine.wrap(function(...) ${source}\nend) __co(...)`,
    "latin1",
  );
  try {
    const options = { cwd: dir, encoding: "latin1", timeout: 30_000 };
    const expected = spawnSync("lua5.1", [name], options);
    if (expected.error || expected.signal) continue;
    const got = spawnSync(process.execPath, [cli, ...mode, name], options);
    checked++;
    const same =
      norm(expected.stdout) === norm(got.stdout) &&
      norm(expected.stderr) === norm(got.stderr) &&
      expected.status === got.status;
    if (same || EXPECTED.has(program)) continue;
    unexpected.push(program);
    console.log(`DIFF ${program}`);
    console.log(
      `  lua5.1:  ${expected.status} ${JSON.stringify(norm(expected.stderr).slice(0, 300))}`,
    );
    console.log(`  lunette: ${got.status} ${JSON.stringify(norm(got.stderr).slice(0, 300))}`);
  } finally {
    rmSync(join(dir, name), { force: true });
  }
}
console.log(
  `${checked} programs as coroutine bodies (${["lunette", ...mode].join(" ")}): ` +
    `${unexpected.length} unexpected difference(s)` +
    (unexpected.length ? `: ${unexpected.map((p) => relative("test/lua", p)).join(", ")}` : ""),
);
process.exitCode = unexpected.length > 0 ? 1 : 0;
