#!/usr/bin/env node
// Entry point of the `lunette` command. `lunette compile ...` compiles a file to an ES module;
// anything else runs the lua5.1-compatible interpreter. The interpreter runs on a worker thread
// with a large stack so that Lua's own limit (`stack overflow` after ~19000 levels) is what
// stops deep recursion, not V8's ~1 MB main-thread stack.

import { isMainThread, Worker, workerData } from "node:worker_threads";
import { runCompileCommand } from "./compile-command.js";
import { runInterpreter } from "./interpreter.js";

const STACK_MB = 256;

if (isMainThread) {
  const argv = process.argv.slice(2);
  if (argv[0] === "compile") {
    process.exitCode = runCompileCommand(argv.slice(1));
  } else {
    const worker = new Worker(new URL(import.meta.url), {
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
} else {
  const { argv, stdinIsTTY } = workerData as { argv: string[]; stdinIsTTY: boolean };
  process.exit(runInterpreter(argv, stdinIsTTY));
}
