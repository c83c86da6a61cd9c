// The interpreter's own options, before lua.c's: `--vm` (run on the bytecode VM) and the
// sandbox flags (docs/architecture.md, "Sandboxing"):
//
//   --fuel N            loop iterations and function entries (VM: instructions) the script may run
//   --max-memory BYTES  bytes the script may allocate (strings, tables, closures, coroutines)
//   --max-time MS       wall-clock milliseconds
//   --sandbox           the sandbox profile: no io, os beyond time/clock/date, debug, file loaders
//
// A budget that runs out ends the script with `lunette: <one line>` and status 1.
//
// With --max-memory the flags carry a live-heap measure (a forced full collection, then V8's
// used heap size), so that the memory budget bounds what the script holds rather than what it
// allocated over its life (runtime/src/sandbox/budget.ts `memoryOut`).

import v8 from "node:v8";
import vm from "node:vm";
import type { LiveHeapMeasure } from "@lunette/runtime";

export interface InterpreterFlags {
  vm: boolean;
  sandbox: boolean;
  fuel?: number;
  maxMemory?: number;
  maxTime?: number;
  /** The live-heap measure given to the memory budget (with --max-memory, when available). */
  liveHeap?: LiveHeapMeasure;
  /** Set when a flag is malformed (a missing or non-numeric value): the message to print. */
  error?: string;
  /** The rest of the command line, for lua.c's option parsing. */
  rest: string[];
}

const NUMERIC = { "--fuel": "fuel", "--max-memory": "maxMemory", "--max-time": "maxTime" } as const;

export function parseInterpreterFlags(argv: string[]): InterpreterFlags {
  const flags: InterpreterFlags = { vm: false, sandbox: false, rest: argv };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--vm") flags.vm = true;
    else if (a === "--sandbox") flags.sandbox = true;
    else if (a in NUMERIC) {
      const value = Number(argv[i + 1]);
      if (argv[i + 1] === undefined || !Number.isFinite(value) || value < 0) {
        flags.error = `${a} expects a non-negative number`;
        break;
      }
      flags[NUMERIC[a as keyof typeof NUMERIC]] = value;
      i++;
    } else break;
  }
  flags.rest = argv.slice(i);
  if (flags.maxMemory !== undefined && flags.error === undefined)
    flags.liveHeap = nodeLiveHeapMeasure();
  return flags;
}

/**
 * Node's live-heap measure: V8's `gc` function (exposed by setting --expose-gc, then taken from
 * a fresh context, which gets it installed), a full collection, then the used heap size of this
 * isolate (the CLI's worker). Undefined if the flag could not be set.
 */
export function nodeLiveHeapMeasure(): LiveHeapMeasure | undefined {
  v8.setFlagsFromString("--expose-gc");
  const gc: unknown = vm.runInNewContext("typeof gc === 'function' ? gc : undefined");
  if (typeof gc !== "function") return undefined;
  return () => {
    gc();
    return v8.getHeapStatistics().used_heap_size;
  };
}

/** Whether any budget is set (code is then compiled with budget checks). */
export function hasBudget(flags: InterpreterFlags): boolean {
  return flags.fuel !== undefined || flags.maxMemory !== undefined || flags.maxTime !== undefined;
}
