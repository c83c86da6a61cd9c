// The interpreter thread started by main.ts: runs lua.c's logic, then closes the state as lua.c
// does (lua_close runs the finalizers of every userdata left), and exits with the status.

import { workerData } from "node:worker_threads";
import { closeState } from "@lunette/runtime";
import { runInterpreter } from "./interpreter.js";

const { argv, stdinIsTTY } = workerData as { argv: string[]; stdinIsTTY: boolean };
const status = runInterpreter(argv, stdinIsTTY);
try {
  closeState();
} catch {
  // lua5.1 ignores an error raised by a finalizer while the state closes (exit status 0).
}
process.exit(status);
