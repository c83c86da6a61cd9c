#!/usr/bin/env node
// Entry point of the `lunette` command. `lunette compile ...` compiles a file to an ES module;
// anything else runs the lua5.1-compatible interpreter. The interpreter runs on a worker thread
// (worker.ts) with a large stack so that Lua's own limit (`stack overflow` after ~19000 levels)
// is what stops deep recursion, not V8's ~1 MB main-thread stack. The main thread imports
// nothing else, so the compiler and runtime are loaded once, in the worker.

import { Worker } from "node:worker_threads";

const STACK_MB = 256;

/**
 * The worker's young generation (V8 gives a third of it to each of its two semi-spaces). V8's
 * default (16 MB semi-spaces) is too small for Lua programs that build short-lived structures
 * of a few megabytes (binary trees, lists of records): they survive two scavenges, are copied
 * into the old generation and die there, so the old generation grows by tens of megabytes of
 * fresh pages between full collections and the process spends a third of its time in page
 * faults. With 32 MB semi-spaces they die young (binary_trees: 130,000 page faults -> 30,000,
 * 1.3 s -> 0.77 s on the VM); programs that allocate little never grow the space.
 */
const YOUNG_GENERATION_MB = 96;

/**
 * With `--max-memory`, a backstop under the budget's own accounting (budget-flags.ts): the
 * worker's heap is capped well above the budget, so even an allocation the budget does not see
 * ends the worker (status 1), never the machine.
 */
function heapLimit(argv: string[]): { maxOldGenerationSizeMb?: number } {
  const at = argv.indexOf("--max-memory");
  const bytes = at >= 0 ? Number(argv[at + 1]) : Number.NaN;
  if (!Number.isFinite(bytes)) return {};
  return { maxOldGenerationSizeMb: Math.ceil((bytes * 4) / 2 ** 20) + 256 };
}

const argv = process.argv.slice(2);
if (argv[0] === "compile") {
  const { runCompileCommand } = await import("./compile-command.js");
  process.exitCode = runCompileCommand(argv.slice(1));
} else if (argv[0] === "luac") {
  const { runLuacCommand } = await import("./luac-command.js");
  process.exitCode = runLuacCommand(argv.slice(1));
} else {
  const worker = new Worker(new URL("./worker.bundle.js", import.meta.url), {
    workerData: { argv, stdinIsTTY: Boolean(process.stdin.isTTY) },
    resourceLimits: {
      stackSizeMb: STACK_MB,
      maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      ...heapLimit(argv),
    },
    stdout: false,
    stderr: false,
  });
  worker.on("error", (error) => {
    process.stderr.write(`lunette: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
  worker.on("exit", (code) => {
    if (process.exitCode === undefined) process.exitCode = code;
  });
}
