// The interpreter thread started by main.ts: runs lua.c's logic and exits with its status.

import { workerData } from "node:worker_threads";
import { runInterpreter } from "./interpreter.js";

const { argv, stdinIsTTY } = workerData as { argv: string[]; stdinIsTTY: boolean };
process.exit(runInterpreter(argv, stdinIsTTY));
