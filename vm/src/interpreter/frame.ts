// Pieces shared by the two forms of the interpreter (execute.ts, execute-resumable.ts):
// upvalues, the VM function type, argument passing and result adjustment.

import { call, LuaTable, type LuaValue, R, S, TAIL_CALLERS, TAIL_SITE } from "@lunette/runtime";
import type { PreparedProto } from "./sites.js";

/** The resumable form of a Lua function: a generator method (`this` is the function). */
export type ResumableBody = (...args: LuaValue[]) => Generator<LuaValue[], LuaValue, LuaValue[]>;

/** A callee that may have a resumable form. */
export type MaybeResumable = ((...args: LuaValue[]) => LuaValue) & { co?: ResumableBody };

/** An upvalue: the value lives at `v[i]` (the frame's registers while open). */
export interface Upvalue {
  v: LuaValue[];
  i: number;
}

/** A Lua function running on the VM. */
export interface VmFunction {
  (...args: LuaValue[]): LuaValue;
  env: LuaTable;
  proto: PreparedProto;
  upvalues: Upvalue[];
  /** The resumable form, run inside coroutines (execute-resumable.ts). */
  co: ResumableBody;
}

export const NO_VALUES: LuaValue[] = [];
/** MAXARG_sBx: the bias of signed jump offsets. */
export const SBX_BIAS = 131071;
/** LFIELDS_PER_FLUSH. */
export const FIELDS_PER_FLUSH = 50;

/** The open upvalue of register `r` of a frame, shared by all closures that capture it. */
export function findUpvalue(open: Upvalue[], regs: LuaValue[], r: number): Upvalue {
  for (let j = 0; j < open.length; j++) if (open[j].i === r) return open[j];
  const u: Upvalue = { v: regs, i: r };
  open.push(u);
  return u;
}

/** luaF_close: upvalues of registers >= level get their own storage. */
export function closeUpvalues(open: Upvalue[], level: number): void {
  let kept = 0;
  for (let j = 0; j < open.length; j++) {
    const u = open[j];
    if (u.i >= level) {
      u.v = [u.v[u.i]];
      u.i = 0;
    } else {
      open[kept++] = u;
    }
  }
  // Shortened with pop: assigning `length` is a call into V8's runtime (a tenth of the
  // closures benchmark's time when every return did it).
  while (open.length > kept) open.pop();
}

/** Calls `fn` with registers first..first+n-1 as arguments (luaD_call). */
export function invoke(
  fn: LuaValue,
  regs: LuaValue[],
  first: number,
  n: number,
  site: number,
): LuaValue {
  if (typeof fn === "function") {
    switch (n) {
      case 0:
        return fn();
      case 1:
        return fn(regs[first]);
      case 2:
        return fn(regs[first], regs[first + 1]);
      case 3:
        return fn(regs[first], regs[first + 1], regs[first + 2]);
      default:
        return fn(...regs.slice(first, first + n));
    }
  }
  return call(fn, site, ...regs.slice(first, first + n));
}

/**
 * Stores the results of the call that returned `first` into registers from `a`: `wanted`
 * of them (adjusted with nils), or all when wanted is -1. Returns the new top.
 */
export function storeResults(regs: LuaValue[], a: number, first: LuaValue, wanted: number): number {
  const n = R.n;
  if (wanted < 0) {
    if (n === 1) regs[a] = first;
    else if (n >= 2) {
      const v = R.v;
      for (let j = 0; j < n; j++) regs[a + j] = v[j];
    }
    return a + n;
  }
  if (n >= 2) {
    const v = R.v;
    for (let j = 0; j < wanted; j++) regs[a + j] = j < n ? v[j] : undefined;
  } else {
    regs[a] = n === 1 ? first : undefined;
    for (let j = 1; j < wanted; j++) regs[a + j] = undefined;
  }
  return a + wanted;
}

/**
 * What a yield from registers first..first+n-1 passes to resume: `[true, ...values]`, or the
 * value alone when there is exactly one (runtime coroutine/thread.ts resumeStep: no Lua value
 * is a JS array), as compiled code yields.
 */
export function yieldValues(regs: LuaValue[], first: number, n: number): LuaValue[] {
  if (n === 1) return regs[first] as unknown as LuaValue[];
  const out: LuaValue[] = [true];
  for (let j = 0; j < n; j++) out.push(regs[first + j]);
  return out;
}

/** The 5.1 compatibility `arg` table of a vararg function that does not use `...`. */
export function argTable(varargs: LuaValue[]): LuaTable {
  const t = new LuaTable(varargs.slice());
  for (let j = 0; j < varargs.length; j++) if (varargs[j] === undefined) t.set(j + 1, undefined);
  t.set("n", varargs.length);
  return t;
}

/**
 * A fresh frame of `pp.frameSize` nils for a fixed-parameter function. Small sizes are array
 * literals, which V8 allocates inline (about twice as fast as copying `pp.blank` with slice);
 * every frame stays a packed array. Sizes up to 8 are here, small enough for V8 to inline
 * into the interpreter's CALL (each `undefined` element is its own store in the bytecode).
 */
export function blankFrame(pp: PreparedProto): LuaValue[] {
  switch (pp.frameSize) {
    case 1:
      return [undefined];
    case 2:
      return [undefined, undefined];
    case 3:
      return [undefined, undefined, undefined];
    case 4:
      return [undefined, undefined, undefined, undefined];
    case 5:
      return [undefined, undefined, undefined, undefined, undefined];
    case 6:
      return [undefined, undefined, undefined, undefined, undefined, undefined];
    case 7:
      return [undefined, undefined, undefined, undefined, undefined, undefined, undefined];
    case 8:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    default:
      return largerFrame(pp);
  }
}

/** blankFrame for sizes above 8. */
function largerFrame(pp: PreparedProto): LuaValue[] {
  switch (pp.frameSize) {
    case 9:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    case 10:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    case 11:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    case 12:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    case 13:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    case 14:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    case 15:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    case 16:
      return [
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ];
    default:
      return pp.blank.slice();
  }
}

/**
 * The register array of a VM callee called with registers first..first+n-1 as arguments. A
 * fixed-parameter function gets its whole frame here (a copy of its packed nil frame with the
 * parameters filled in, extra arguments dropped); a vararg function gets the arguments as
 * given, and execute's prologue splits them.
 */
export function calleeRegisters(
  callee: VmFunction,
  regs: LuaValue[],
  first: number,
  n: number,
): LuaValue[] {
  const pp = callee.proto;
  if (pp.vararg) return regs.slice(first, first + n);
  const out = blankFrame(pp);
  const m = Math.min(n, pp.numparams);
  for (let j = 0; j < m; j++) out[j] = regs[first + j];
  return out;
}

/**
 * The call site of a frame at depth `d` entered by one more tail call (runtime ops/tail.ts):
 * a frame entered by an ordinary call becomes the chain's owner (its own call site is kept in
 * the second half of S.callSites) and its callee gets TAIL_SITE; each further tail call counts
 * one more lost level (lua5.1's CallInfo.tailcalls, shown as `(tail call): ?` in tracebacks).
 */
export function tailSite(d: number): number {
  const current = S.callSites[d];
  if (current > TAIL_SITE) {
    S.callSites[TAIL_CALLERS + d] = current;
    return TAIL_SITE;
  }
  return current - 1;
}
