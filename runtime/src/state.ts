// The two registers shared by compiled code and library functions: the result register `R`
// (how many values the last call returned) and the frame state `S` (call sites and depth, for
// error positions, tracebacks and `stack overflow`). See docs/architecture.md, "Calling
// convention".

import type { LuaValue } from "./value.js";

/** Results of the most recent return. `v` holds all results and is valid only when `n >= 2`. */
export const R: { n: number; v: LuaValue[] } = { n: 1, v: [] };

/**
 * Lua 5.1 raises `stack overflow` past LUAI_MAXCALLS (20000) nested calls; we stop a bit
 * earlier so that the JS stack (sized by the CLI) is never what overflows.
 */
export const MAX_DEPTH = 19000;

/** lua5.1's nCcalls while the main chunk runs: lua.c's pmain and its lua_pcall of the chunk. */
export const C_CALLS_BASE = 2;

/** LUAI_MAXCCALLS: nested C calls allowed (luaD_call raises `C stack overflow` at this count). */
export const MAX_C_CALLS = 200;

/**
 * Frame state. `site` is the site id of the call the innermost Lua frame is making now;
 * `callSites[d]` is the site from which the frame at depth d was called.
 * Each coroutine has its own `depth` and call sites (like lua_State's CallInfo stack); `resume`
 * swaps them in and out (runtime/src/coroutine/thread.ts), always as a full-size Int32Array so
 * every prologue's store sees one array type.
 *
 * The second half of `callSites` (from MAX_DEPTH + 64, levels.ts TAIL_CALLERS) holds, for a
 * frame entered by tail calls, the call site of the frame that started the chain.
 *
 * `cCalls` counts nested calls that lua5.1 makes through the C stack (metamethods, pcall,
 * resume; L->nCcalls): past LUAI_MAXCCALLS they raise `C stack overflow` (ops/stack.ts).
 * Whoever catches an error (pcall, xpcall, resume, the CLI) puts back its own count.
 */
export const S = {
  depth: 0,
  site: 0,
  callSites: new Int32Array(2 * (MAX_DEPTH + 64)),
  cCalls: C_CALLS_BASE,
};

const NO_VALUES: LuaValue[] = [];

/** All results of the call that just returned `first` (reads R; call it immediately). */
export function results(first: LuaValue): LuaValue[] {
  const n = R.n;
  return n === 1 ? [first] : n === 0 ? [] : R.v;
}

/**
 * `values` ends with the first result of the call that just returned (R still describes it):
 * replace that one slot with all of the call's results. Table constructors `{a, f()}` build
 * `[a, f()]` and call this only when R.n !== 1, so the common case allocates one array.
 */
export function expandLast(values: LuaValue[]): LuaValue[] {
  const n = R.n;
  if (n === 1) return values;
  values.pop();
  if (n >= 2) for (const v of R.v) values.push(v);
  return values;
}

/** Return no values. */
export function ret0(): undefined {
  R.n = 0;
  return undefined;
}

/** Return exactly one value. */
export function ret1(value: LuaValue): LuaValue {
  R.n = 1;
  return value;
}

/** Return every value of `values` (which the caller must not reuse). */
export function retN(values: LuaValue[]): LuaValue {
  const n = values.length;
  R.n = n;
  if (n >= 2) R.v = values;
  return n === 0 ? undefined : values[0];
}

export { NO_VALUES };
