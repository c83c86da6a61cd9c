// Lua values in JS (docs/architecture.md, "Value representation").

import type { LuaTable } from "./table.js";

/** A Lua function: compiled closures and library functions share this calling convention. */
export type LuaFunction = (...args: any[]) => LuaValue;

export type LuaValue =
  | undefined
  | boolean
  | number
  | string
  | LuaTable
  | LuaFunction
  | LuaUserdata
  | LuaThread;

/** Full userdata (newproxy, io files): an identity with an optional metatable and env. */
export class LuaUserdata {
  mt: LuaTable | undefined = undefined;
  constructor(public data: unknown = undefined) {}
}

/**
 * A coroutine (Lua 5.1 §2.11): its own frame stack (saved here while it is not running; see
 * S in state.ts) and, once started, the generator of its body's resumable form. The logic is in
 * runtime/src/coroutine/thread.ts.
 */
export class LuaThread {
  mt: undefined = undefined;
  status: "suspended" | "running" | "normal" | "dead" = "suspended";
  /** The suspended body (a generator) once the coroutine has started. */
  generator: Generator<LuaValue[], LuaValue, LuaValue[]> | undefined = undefined;
  /** The error that killed the coroutine (debug.traceback(co) reads its frames). */
  error: unknown = undefined;
  depth = 0;
  /**
   * While suspended: its frames' call sites at [1..depth], their tail-call callers after; or,
   * when `poolLevel` >= 0, still in the frame buffer of that resume nesting level (thread.ts).
   */
  savedSites: Int32Array | undefined = undefined;
  /**
   * The same for a coroutine suspended one frame deep (its body yielded: the usual case), kept
   * here rather than in `savedSites`, whose separate memory is a cache miss per resume when
   * thousands of coroutines take turns (benchmarks/lua/coroutine_many.lua).
   */
  site1 = 0;
  tailCaller1 = 0;
  poolLevel = -1;
  constructor(
    /** The Lua function to run on the first resume (cleared then). */
    public body: LuaFunction | undefined,
  ) {}
}
