#!/usr/bin/env node
// Entry point of the `lunette` command. `lunette compile ...` compiles a file to an ES module;
// anything else runs the lua5.1-compatible interpreter. The interpreter runs on a worker thread
// (worker.ts) with a large stack so that Lua's own limit (`stack overflow` after ~19000 levels)
// is what stops deep recursion, not V8's ~1 MB main-thread stack. The main thread imports
// nothing else, so the compiler and runtime are loaded once, in the worker.

import { Worker } from "node:worker_threads";

const STACK_MB = 256;

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
    resourceLimits: { stackSizeMb: STACK_MB },
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
