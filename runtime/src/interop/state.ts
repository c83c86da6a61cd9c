// A Lua state for JS embedders: its own global environment (`_G`) with the standard libraries
// you choose, output sinks, and JS-valued access to globals and functions (conversion rules in
// convert.ts). Compiled chunks are loaded into it with `run(load)`; modules bundled by the
// rollup plugin are found by `require` (modules.ts).

import { createGlobals } from "../globals.js";
import type { Host } from "../host.js";
import { openPackage } from "../lib/package.js";
import {
  enterTypeMetatables,
  leaveTypeMetatables,
  type TypeMetatables,
  typeMetatables,
} from "../metatable.js";
import { index } from "../ops/index.js";
import {
  type Budget,
  createBudget,
  currentBudget,
  enterBudget,
  type LiveHeapMeasure,
  leaveBudget,
} from "../sandbox/budget.js";
import { restoreFrameState, saveFrameState } from "../sandbox/frames.js";
import { applySandboxProfile } from "../sandbox/profile.js";
import { LuaTask } from "../sandbox/task.js";
import { LuaTable } from "../table.js";
import type { LuaFunction, LuaValue } from "../value.js";
import { callLua, type Owner, toJS, toLuaValue, withOwner } from "./convert.js";
import { installBundledModules } from "./registry.js";
import { encodeUtf8, lineSink } from "./strings.js";

/** The libraries a state can leave out; the base library is always there. */
export type LibraryName =
  | "package"
  | "string"
  | "table"
  | "math"
  | "io"
  | "os"
  | "coroutine"
  | "debug";

export interface LuaStateOptions {
  /** Receives standard output (print, io.write) as text, one line per call, UTF-8 decoded.
   * Default: console.log. */
  stdout?: (line: string) => void;
  /** Receives standard error as text, one line per call. Default: console.error. */
  stderr?: (line: string) => void;
  /** The libraries to open besides the base library. Default: all of them. */
  libraries?: readonly LibraryName[];
  /** A complete host (byte-level output, files, system); replaces stdout and stderr. */
  host?: Host;
  /**
   * Budgets (docs/architecture.md, "Sandboxing"): total fuel over the state's life (loop
   * iterations and function entries of code compiled with `budgets`, VM instructions), total
   * bytes Lua may allocate, and milliseconds each run or call may take. Running out throws a
   * BudgetError out of the run or call; pcall inside the script cannot catch it.
   */
  fuel?: number;
  maxMemory?: number;
  maxTime?: number;
  /**
   * How much the script holds, in bytes (e.g. used heap after a forced GC): with `maxMemory`,
   * charges that reach the budget are checked against it instead of failing at once
   * (sandbox/budget.ts; the CLI passes one on Node).
   */
  liveHeap?: LiveHeapMeasure;
  /** Apply the sandbox profile (no io, os beyond time/clock/date, debug, file loaders, ...). */
  sandbox?: boolean;
}

const ALL_LIBRARIES: readonly LibraryName[] = [
  "package",
  "string",
  "table",
  "math",
  "io",
  "os",
  "coroutine",
  "debug",
];

/** The compiled form of a chunk: an ES module's default export (`load(env)` → main function). */
export type ChunkLoad = (env: LuaTable) => LuaFunction;

export class LuaState {
  /** The global table (`_G`) as the runtime holds it. */
  readonly globals: LuaTable;
  private readonly flushers: (() => void)[] = [];

  constructor(options: LuaStateOptions = {}) {
    const host = options.host ?? this.textHost(options);
    const globals = createGlobals(host);
    const wanted = new Set(options.libraries ?? ALL_LIBRARIES);
    if (wanted.has("package") && globals.get("package") === undefined) openPackage(globals, host);
    for (const name of ALL_LIBRARIES) {
      if (wanted.has(name)) continue;
      globals.set(name, undefined);
      if (name === "package") {
        globals.set("require", undefined);
        globals.set("module", undefined);
      }
    }
    const pkg = globals.get("package");
    if (pkg instanceof LuaTable) installBundledModules(pkg, globals);
    if (options.sandbox) applySandboxProfile(globals);
    this.globals = globals;
    // This state's type metatables (the string metatable indexes this state's `string`).
    this.metatables = { ...typeMetatables };
    const limited =
      options.fuel !== undefined ||
      options.maxMemory !== undefined ||
      options.maxTime !== undefined;
    this.budget = limited ? createBudget(options) : undefined;
    this.maxTime = options.maxTime;
  }

  /** What is left of the state's budgets (live: a host may refill `fuel` between calls). */
  readonly budget: Budget | undefined;
  private readonly maxTime: number | undefined;

  private readonly metatables: TypeMetatables;

  /**
   * Runs `body` with this state's type metatables in force and under its budget; restores the
   * frame state if a budget runs out.
   */
  private guarded<T>(body: () => T): T {
    const previous = enterTypeMetatables(this.metatables);
    try {
      return withOwner(this.owner, () => this.budgeted(body));
    } finally {
      leaveTypeMetatables(this.metatables, previous);
    }
  }

  /** `guarded` as the owner of the values this state hands to JS (convert.ts). */
  private readonly owner: Owner = (body) => this.guarded(body);

  private budgeted<T>(body: () => T): T {
    // Already under this budget (Lua called JS, which calls back into this state): go on
    // counting there.
    if (this.budget === undefined || currentBudget() === this.budget) return body();
    if (this.maxTime !== undefined) this.budget.deadline = Date.now() + this.maxTime;
    const saved = enterBudget(this.budget);
    const frames = saveFrameState();
    try {
      return body();
    } catch (e) {
      restoreFrameState(frames);
      throw e;
    } finally {
      leaveBudget(saved);
    }
  }

  /**
   * Starts `fn` (a Lua function or the name of a global) as a task run in slices:
   * `task.step(fuel)` (runtime/src/sandbox/task.ts). Values in and out are Lua values.
   */
  task(fn: unknown, ...args: unknown[]): LuaTask {
    const f = typeof fn === "string" ? this.globals.get(encodeUtf8(fn)) : toLuaValue(fn);
    if (typeof f !== "function") throw new TypeError("task: not a function");
    return new LuaTask(f as LuaFunction, args.map(toLuaValue), this.budget, this.metatables);
  }

  /** A host whose byte output goes, decoded and split in lines, to the text sinks. */
  private textHost(options: LuaStateOptions): Host {
    const out = lineSink(options.stdout ?? ((line) => console.log(line)));
    const err = lineSink(options.stderr ?? ((line) => console.error(line)));
    this.flushers.push(out.flush, err.flush);
    return { stdout: out.push, stderr: err.push };
  }

  /** Passes on output that does not end with a newline yet. */
  flush(): void {
    for (const flush of this.flushers) flush();
  }

  /** The global `name` (a raw read of _G), converted to JS. */
  get(name: string): any {
    return this.guarded(() => toJS(this.globals.get(encodeUtf8(name))));
  }

  /** Sets the global `name` (a raw write of _G) to a JS value converted to Lua. */
  set(name: string, value: unknown): void {
    this.globals.set(encodeUtf8(name), toLuaValue(value));
  }

  /** Calls a Lua function (or the global of that name) with JS arguments; the first result. */
  call(fn: unknown, ...args: unknown[]): any {
    return this.callMultiple(fn, ...args)[0];
  }

  /** Like `call`, returning all the results. */
  callMultiple(fn: unknown, ...args: unknown[]): any[] {
    const f = typeof fn === "string" ? this.globals.get(encodeUtf8(fn)) : toLuaValue(fn);
    return this.guarded(() => callLua(f, args.map(toLuaValue)).map(toJS));
  }

  /** `require(name)` in this state; its result converted to JS. */
  require(name: string): any {
    const require = index(this.globals, "require", 0);
    return this.guarded(() => toJS(callLua(require, [encodeUtf8(name)])[0]));
  }

  /** Instantiates a compiled chunk in this state and runs it with `args`; all its results. */
  run(load: ChunkLoad, ...args: unknown[]): any[] {
    const main: LuaValue = load(this.globals);
    return this.guarded(() => callLua(main, args.map(toLuaValue)).map(toJS));
  }
}
